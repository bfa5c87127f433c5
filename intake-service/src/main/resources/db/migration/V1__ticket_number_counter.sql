-- One counter per Asia/Shanghai day and intake node; numbers restart at 0001 every day.
CREATE TABLE ticket_number_counter (
    ticket_day DATE     NOT NULL,
    node       SMALLINT NOT NULL,
    next_free  BIGINT   NOT NULL,
    PRIMARY KEY (ticket_day, node)
);
