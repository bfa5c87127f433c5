-- A ticket's event is bounded by the request body limit (hotline.http.max-request-size, 64 KB), not
-- by this column: JSON escaping can make 4,000 characters of content six times longer.
ALTER TABLE ticket_event ALTER COLUMN event_json SET DATA TYPE VARCHAR(1000000);
-- A status's detail (a dispatch note, a resolution) is kept up to 4,000 characters; a longer one
-- is shortened when stored (TicketHistory), never refused: the status change itself must not be
-- lost.
ALTER TABLE ticket_status_change ALTER COLUMN detail SET DATA TYPE VARCHAR(4000);
