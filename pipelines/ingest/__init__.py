"""Article files into the `documents` and `rejected_documents` tables."""
