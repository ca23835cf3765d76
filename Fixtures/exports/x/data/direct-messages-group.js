window.YTD.direct_messages_group.part0 = [
  {
    "dmConversation": {
      "conversationId": "g-333",
      "messages": [
        {
          "joinConversation": {
            "initiatingUserId": "111",
            "participantsSnapshot": [
              "111",
              "222"
            ],
            "createdAt": "2024-03-10T09:00:00.000Z"
          }
        },
        {
          "messageCreate": {
            "id": "1770000000000000003",
            "senderId": "111",
            "createdAt": "2024-03-10T09:01:00.000Z",
            "text": "Shift swap? 617-555-1010",
            "mediaUrls": []
          }
        }
      ]
    }
  }
]