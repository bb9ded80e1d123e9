-- Keep the hub limit used by the last rebuild (the next import uses it too) and the fingerprint of its inputs.
-- $hub_limit: INTEGER, accounts above which an identifier is a hub. $inputs: VARCHAR, the fingerprint.

delete from network_settings;

insert into network_settings (hub_account_limit, inputs) values ($hub_limit, $inputs);
