-- Notifications: the outbox written in the same transaction as the event that causes a
-- message, every delivery attempt, and the message templates (data/seed/message-templates.csv).

CREATE TABLE message_templates (
    template_key TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('inbox', 'sms', 'webhook')),
    text TEXT NOT NULL,
    PRIMARY KEY (template_key, channel)
) STRICT;

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL CHECK (channel IN ('inbox', 'sms', 'webhook')),
    user_id INTEGER REFERENCES users (id),
    phone TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    template_key TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '{}',
    case_id INTEGER REFERENCES cases (id),
    -- A retried sweep or a re-run unit of work enqueues nothing twice.
    dedupe_key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    -- The dispatcher that holds the message and until when; another waits for the lease to end.
    leased_by TEXT,
    lease_until INTEGER,
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    last_error TEXT NOT NULL DEFAULT '',
    read_at INTEGER
) STRICT;
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_inbox ON notifications (user_id, id) WHERE channel = 'inbox';
CREATE INDEX notifications_unread ON notifications (user_id)
    WHERE channel = 'inbox' AND read_at IS NULL;
CREATE INDEX notifications_failed ON notifications (id) WHERE status = 'failed';

CREATE TABLE notification_attempts (
    id INTEGER PRIMARY KEY,
    notification_id INTEGER NOT NULL REFERENCES notifications (id),
    at INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'retry', 'failed')),
    detail TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX notification_attempts_message ON notification_attempts (notification_id, id);
