-- One row per Idempotency-Key: the request's fingerprint and, once answered, the answer.
-- A row without an answer is a request still in progress.
CREATE TABLE idempotency_key (
    idem_key    VARCHAR(200)             PRIMARY KEY,
    fingerprint VARCHAR(64)              NOT NULL,
    answer      VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
