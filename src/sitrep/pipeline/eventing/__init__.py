"""The machinery of the events stage: language data (:mod:`.lexicon`), triggers, clauses and modality
(:mod:`.matching`) and arguments (:mod:`.arguments`). The component itself is :mod:`sitrep.pipeline.events`.
"""
