"""Team work over razmetka databases: split a corpus, merge the work back, measure
agreement, adjudicate, and report progress.

No SQL here: the tables are models.store.team's, and an annotator's file is read through
models.store.untrusted. This package sits above the service (adjudication commits through
it), so the window and the command line reach team work the same way.
"""
