// identity service: see README
