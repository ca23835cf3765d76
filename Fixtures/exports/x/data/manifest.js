window.YTD.manifest.part0 = [
  {
    "userInfo": {
      "accountId": "111"
    }
  }
]