window.YTD.direct_messages.part0 = [
  {
    "dmConversation": {
      "conversationId": "111-222",
      "messages": [
        {
          "messageCreate": {
            "id": "1770000000000000001",
            "senderId": "111",
            "recipientId": "222",
            "createdAt": "2024-03-09T10:00:00.000Z",
            "text": "Your appointment moved, call 617-555-1008",
            "mediaUrls": []
          }
        },
        {
          "messageCreate": {
            "id": "1770000000000000002",
            "senderId": "222",
            "recipientId": "111",
            "createdAt": "2024-03-09T10:05:00.000Z",
            "text": "Thanks, my number is 617-555-1009",
            "mediaUrls": []
          }
        }
      ]
    }
  }
]