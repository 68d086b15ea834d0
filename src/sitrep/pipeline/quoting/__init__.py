"""The machinery of the quotes stage: direct-quote scanner (:mod:`.marks`), language data (:mod:`.lexicon`),
cue and content rules (:mod:`.finder`), speaker phrases (:mod:`.speakers`) and their resolution (:mod:`.resolve`).
"""
