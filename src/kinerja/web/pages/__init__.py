"""Web area 'pages'."""
