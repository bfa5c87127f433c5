package cn.gov.xining.hotline.handling.api;

import cn.gov.xining.hotline.contract.HotlineActionKind;
import cn.gov.xining.hotline.contract.Satisfaction;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A decision of the hotline's staff over REST; the same fields as the {@code HotlineAction}. */
public record ActionRequest(
    UUID eventId,
    String ticketNumber,
    HotlineActionKind kind,
    OffsetDateTime at,
    String by,
    String reason,
    Boolean reached,
    Boolean solved,
    Satisfaction satisfaction,
    String note) {}
