"""Tests of policykg; shared helpers are modules of this package."""
