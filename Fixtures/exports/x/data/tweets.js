window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "1760000000000000001",
      "created_at": "Mon Mar 04 10:00:00 +0000 2024",
      "full_text": "Flu clinic Saturday &amp; Sunday, questions: 617-555-1001",
      "entities": {
        "media": [
          {
            "media_url_https": "https://pbs.twimg.example/media/a.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1760000000000000002",
      "created_at": "Mon Mar 04 11:00:00 +0000 2024",
      "in_reply_to_status_id_str": "1750000000000000009",
      "in_reply_to_screen_name": "pat_example",
      "full_text": "@pat_example so sorry about the wait, call 617-555-1002"
    }
  },
  {
    "tweet": {
      "id_str": "1760000000000000003",
      "created_at": "Mon Mar 04 12:00:00 +0000 2024",
      "full_text": "@sam_example thanks, reach us on 617-555-1003"
    }
  },
  {
    "tweet": {
      "id_str": "1760000000000000004",
      "created_at": "Tue Mar 05 09:00:00 +0000 2024",
      "full_text": "Long post: our new wing opens Monday with a walk-in clinic, a pharmacy, imaging and a café. Parking is free for the first month and the shuttle runs every 20 minutes from the station. Volunteers are welcome at the front desk; tours run hourly from nine until f… https://t.co/AbCdEf1234"
    }
  }
]