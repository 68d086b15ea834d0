"""Rule-based naming of actors: lexicons, mention finding and classification, in-article coreference.

Used by the entities stage (:mod:`sitrep.pipeline.entities`); nothing here touches spaCy objects except through the
token strings the stage hands over.
"""
