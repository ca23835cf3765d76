window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "1760000000000000005",
      "created_at": "Wed Mar 06 09:00:00 +0000 2024",
      "full_text": "Blood drive next week &lt;3 sign up: 617-555-1005"
    }
  }
]