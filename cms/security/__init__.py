"""Account and HTTP hardening: lockout page, two-factor authentication, Content-Security-Policy."""
