-- Callers' contact details for the callback, encrypted at rest (AES-GCM, base64). The keyed hash
-- of the phone number finds a repeat caller's tickets without decrypting anything.
CREATE TABLE ticket_caller (
    ticket_number VARCHAR(40)              PRIMARY KEY,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    phone_hash    VARCHAR(64),
    phone_sealed  VARCHAR(200),
    name_sealed   VARCHAR(400)
);
CREATE INDEX ticket_caller_by_phone ON ticket_caller (phone_hash, received_at);
