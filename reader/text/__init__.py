"""The one tokenizer and stemmer, shared by indexing and querying."""
