-- expect: identifier-too-long
-- pg: 15
CREATE TABLE customer_notification_preferences_by_channel_and_locale_history_v2 (id bigint);
