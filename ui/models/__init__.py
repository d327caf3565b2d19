"""Qt item models over the store (sorting and filtering in SQL, paged)."""
