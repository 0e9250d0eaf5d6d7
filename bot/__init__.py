"""Tenant assistant: helps tenants of Swedish public housing keep their homes."""
