package io.devopsparadise.reports.live;

/**
 * One event of the dashboard's stream.
 *
 * @param type "quality" (an orchestrator progress event), "instance" (an instance-manager lifecycle or health event)
 *             or "run-stored" (a finished run was stored and scored)
 * @param data the event itself, as JSON
 */
public record LiveEvent(long id, String type, String data) {}
