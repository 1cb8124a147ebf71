"""The new-incident wizard: pages over one draft in the store (product.md §2.2)."""
