"""Throughput and latency of the demo site, served by gunicorn in production mode."""
