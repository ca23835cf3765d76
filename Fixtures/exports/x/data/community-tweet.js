window.YTD.community_tweet.part0 = [
  {
    "tweet": {
      "id_str": "1760000000000000007",
      "created_at": "Fri Mar 08 09:00:00 +0000 2024",
      "full_text": "Community note: 617-555-1007"
    }
  }
]