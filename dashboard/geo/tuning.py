"""How display geometry is simplified: plain numbers, apart from the geometry code that uses them
(:mod:`dashboard.geo.display`), because they are part of the boundary cache's key, and reading the
key must not import geopandas (``extract`` answers in under a second)."""

# Visvalingam-Whyatt tolerance in degrees (~ the square root of the triangle
# area removed). Chosen with scripts/benchmark_geo.py so that each view stays
# well under half the naive payload while borders still read at that zoom.
TOLERANCE = {"provinsi": 0.02, "kabupaten/kota": 0.008, "kecamatan": 0.002, "desa/kelurahan": 0.0004}
PRECISION = 5


# The national map (every kabupaten/kota of Indonesia at once) is read at zoom 4-6, where a pixel
# is several kilometres: the thousands of small islets (most of the payload) and metre precision
# cannot be seen, so that one view drops polygon parts under ~6 km² (never a unit's largest part)
# and rounds to 3 decimals (~100 m). 2.8 MB -> about 1 MB over the websocket (benchmarks/national.py).
NATIONAL_MIN_PART_AREA = 0.0005  # square degrees
NATIONAL_PRECISION = 3
# ...and simplifies the borders once more, as a coverage (~2 km; a pixel at that zoom is 2-5 km):
# 1.0 MB -> 0.57 MB of geometry, so the first national map reaches the browser sooner.
NATIONAL_TOLERANCE = 0.02
