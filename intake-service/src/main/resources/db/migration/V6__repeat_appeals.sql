-- Repeat appeals (intake.repeats): where each appeal is, to find the open tickets at the same place,
-- and which open ticket an appeal was linked to. Written with the ticket, in its transaction.
CREATE TABLE appeal_place (
    ticket_number VARCHAR(40) NOT NULL,
    place_key     VARCHAR(60) NOT NULL,
    PRIMARY KEY (ticket_number, place_key)
);
CREATE INDEX appeal_place_by_key ON appeal_place (place_key);

CREATE TABLE appeal_position (
    ticket_number VARCHAR(40)      PRIMARY KEY,
    latitude      DOUBLE PRECISION NOT NULL,
    longitude     DOUBLE PRECISION NOT NULL
);
CREATE INDEX appeal_position_by_latitude ON appeal_position (latitude);

CREATE TABLE appeal_link (
    ticket_number VARCHAR(40) PRIMARY KEY,
    repeat_of     VARCHAR(40) NOT NULL
);
CREATE INDEX appeal_link_by_open_ticket ON appeal_link (repeat_of);
