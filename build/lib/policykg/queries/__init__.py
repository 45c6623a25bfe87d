"""Named-query catalog, question answering, workload and overlap analytics."""
