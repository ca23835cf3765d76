window.YTD.deleted_tweets.part0 = [
  {
    "tweet": {
      "id_str": "1760000000000000006",
      "created_at": "Thu Mar 07 09:00:00 +0000 2024",
      "deleted_at": "Thu Mar 07 10:00:00 +0000 2024",
      "full_text": "Deleted post with 617-555-1006"
    }
  }
]