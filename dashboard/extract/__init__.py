"""From a news article to a draft record (issue 12): read the article (:mod:`.article`, :mod:`.fetch`),
read each field by a named, explainable rule (:mod:`.dates`, :mod:`.places`, :mod:`.fields`), and put
the draft together (:mod:`.draft`). No model download; nothing is saved until a person reviews it."""
