"""policykg: a knowledge graph of units, measures and legal instruments from 法治政府建设 documents."""

__version__ = "0.1.0"
