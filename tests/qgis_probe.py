"""Open a GeoPackage in QGIS (Debian's python3-qgis) as the desktop does and report what it
draws. Run by tests/test_io_qgis.py with the system Python: ``python3 qgis_probe.py FILE DAY…``.

Prints JSON: each layer's renderer and first colour, the zones' temporal settings as
opened, the rule each day's frame matches, and the colour at the zone's centre on each
frame, both as opened and after QGIS loads the layer's default style again (which
switches its temporal properties on).
"""

import datetime as dt
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (
    QgsApplication,
    QgsDateTimeRange,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime
from qgis.PyQt.QtGui import QColor


def frame(day):
    d = dt.date.fromisoformat(day)
    start = QDateTime(QDate(d.year, d.month, d.day), QTime(0, 0))
    return QgsDateTimeRange(start, start.addDays(1), True, False)


def settings(layer, day=None):
    s = QgsMapSettings()
    s.setLayers([layer])
    s.setExtent(layer.extent())
    s.setOutputSize(QSize(200, 200))
    s.setBackgroundColor(QColor(255, 255, 255))
    if day:
        s.setIsTemporal(True)
        s.setTemporalRange(frame(day))
    context = QgsExpressionContext()
    context.appendScope(QgsExpressionContextUtils.globalScope())
    context.appendScope(QgsExpressionContextUtils.mapSettingsScope(s))
    context.appendScope(QgsExpressionContextUtils.layerScope(layer))
    s.setExpressionContext(context)
    return s


def centre_colour(layer, day=None):
    job = QgsMapRendererSequentialJob(settings(layer, day))
    job.start()
    job.waitForFinished()
    return QColor(job.renderedImage().pixel(100, 100)).name()


def matched_rules(layer, day):
    context = settings(layer, day).expressionContext()
    context.setFeature(next(layer.getFeatures()))
    labels = []
    for rule in layer.renderer().rootRule().children():
        if QgsExpression(rule.filterExpression()).evaluate(context):
            labels.append(rule.label())
    return labels


def main(path, days):
    app = QgsApplication([], False)
    app.initQgis()
    report: dict = {}
    report["layers"] = {}
    for name in ("countries", "provinces", "counties", "border", "rivers", "places", "zones",
                 "incidents"):
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        renderer = layer.renderer()
        first = renderer.rootRule().children()[0].symbol() if renderer.type() == "RuleRenderer" \
            else renderer.symbol()
        report["layers"][name] = {"valid": layer.isValid(), "renderer": renderer.type(),
                                  "colour": first.color().name(), "labels": layer.labelsEnabled()}
    zones = QgsVectorLayer(f"{path}|layername=zones", "zones", "ogr")
    temporal = zones.temporalProperties()
    report["temporal_as_opened"] = {"active": temporal.isActive(), "mode": int(temporal.mode()),
                                    "start": temporal.startField(), "end": temporal.endField()}
    report["still"] = centre_colour(zones)
    report["rules"] = {day: matched_rules(zones, day) for day in days}
    report["frames"] = {day: centre_colour(zones, day) for day in days}
    styled = QgsVectorLayer(f"{path}|layername=zones", "zones", "ogr")
    styled.loadDefaultStyle()
    temporal = styled.temporalProperties()
    report["temporal_styled"] = {"active": temporal.isActive(), "mode": int(temporal.mode()),
                                 "start": temporal.startField(), "end": temporal.endField()}
    report["frames_styled"] = {day: centre_colour(styled, day) for day in days}
    print(json.dumps(report), flush=True)
    # QGIS 3.22 can crash tearing down layers still referenced from Python: skip teardown.
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
