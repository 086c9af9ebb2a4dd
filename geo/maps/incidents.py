"""Incidents (a crossing, an arrest) as round purple markers, distinct from zone areas.

Incidents at the same spot (the report often names only the county) become one
marker whose popup lists them all, so none hides another.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from geo.describe import IncidentLine, incident_line
from geo.maps.basemap import TOP_PANE
from geo.maps.geojson import feature_collection, rounded_geometries
from geo.maps.popups import incident_parts, incident_tooltip
from geo.maps.raw import HtmlStore, VectorLayer
from geo.maps.styles import INCIDENT_STYLE
from geo.model import Dataset

# Properties: p = indexes of the popup's fragments in the store, t = the tooltip's.
BIND = """    var p = feature.properties;
    layer.bindPopup(function () {
        return p.p.map(function (i) { return STORE.h[i]; }).join('');
    }, {maxWidth: 420});
    layer.bindTooltip(STORE.h[p.t], {sticky: true});"""


def _line(dataset: Dataset, row: Any) -> IncidentLine:
    try:
        return incident_line(dataset, dataset.incident(str(row["id"])))
    except KeyError:
        # A layer row the dataset does not know: show what the layer itself says.
        return IncidentLine(id=str(row["id"]), kind=str(row.get("kind", "")).replace("_", " "),
                            when=str(row.get("when", "") or "unknown"),
                            place=str(row.get("name", "") or row.get("place", "")),
                            who=row.get("who"), description=str(row.get("description", "")),
                            quotes=())


def incident_collection(dataset: Dataset, incidents: Any,
                        store: HtmlStore | None = None) -> dict[str, Any]:
    """One feature per distinct spot; popup and tooltip HTML (escaped) go to ``store``
    as shared fragments and the features carry their indexes."""
    store = store if store is not None else HtmlStore()
    if incidents is None or len(incidents) == 0:
        return feature_collection([], [])
    geometries = rounded_geometries(incidents.geometry.values)
    spots: dict[str, list[int]] = defaultdict(list)
    for index, geometry in enumerate(geometries):
        if geometry is not None:
            spots[repr(geometry["coordinates"])].append(index)
    # Column lists, not to_dict('records'): 10,000 rows in milliseconds.
    columns = [c for c in ("id", "kind", "place", "name", "when", "who", "description",
                           "precision") if c in incidents.columns]
    rows = [dict(zip(columns, values, strict=True))
            for values in zip(*(incidents[c].tolist() for c in columns), strict=True)]
    out_geometries, props = [], []
    for indices in spots.values():
        lines = [_line(dataset, rows[i]) for i in indices]
        precision = rows[indices[0]].get("precision")
        parts = incident_parts(lines, int(precision) if precision else None)
        out_geometries.append(geometries[indices[0]])
        props.append({"p": [store.add(part) for part in parts],
                      "t": store.add(incident_tooltip(lines))})
    return feature_collection(out_geometries, props)


def incident_layer(dataset: Dataset, incidents: Any, name: str = "Incidents") -> VectorLayer:
    """Circle markers in one layer; one Leaflet layer for all incidents keeps 10,000 fast."""
    store = HtmlStore()
    layer = VectorLayer(incident_collection(dataset, incidents, store), name=name,
                        marker={**INCIDENT_STYLE, "className": "lm-incident", "pane": TOP_PANE},
                        bind=BIND)
    layer.store = store
    return layer
