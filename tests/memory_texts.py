"""Two short news texts held in memory, with loaded terms, harm expressions, a quotation and a named source:
small enough that a whole run takes about a second, varied enough that every summary has values."""

TEXTS = {
    "wire": ("Police killed two protesters in the capital on Monday, officials said. \"We will respond,\" the "
             "minister told reporters. The regime denied any wrongdoing."),
    "tabloid": ("The butcher was slaughtered in a brutal bloodbath. Two men died. Critics say the regime has "
                "blood on its hands."),
}
