"""Reading scraped articles from files, cleaning them and storing them."""
