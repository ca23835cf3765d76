window.YTD.noteTweet.part0 = [
  {
    "noteTweet": {
      "noteTweetId": "1760000000000000104",
      "createdAt": "2024-03-05T09:00:00.000Z",
      "core": {
        "text": "Long post: our new wing opens Monday with a walk-in clinic, a pharmacy, imaging and a café. Parking is free for the first month and the shuttle runs every 20 minutes from the station. Volunteers are welcome at the front desk; tours run hourly from nine until four every weekday and on Saturday mornings. Bring a friend, bring questions, and ask for Renata at 617-555-1004",
        "urls": [],
        "mentions": [],
        "hashtags": []
      }
    }
  }
]