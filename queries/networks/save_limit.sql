-- Keep the hub limit used by the last rebuild, so the next import uses the same one.
-- $hub_limit: INTEGER, accounts above which an identifier is a hub.

delete from network_settings;

insert into network_settings (hub_account_limit) values ($hub_limit);
