#!/usr/bin/env python3
"""Builds the synthetic platform exports in Fixtures/exports/<platform>/ and what each must yield in
Fixtures/exports/expected/<platform>.jsonl.

Every record that holds the organisation's words carries one marker of its own, a fictional
617-555-XXXX number, so a finding (or its absence) proves that record was read. The expected file
lists each marker with the document kind it must become and the file it is in; its first line gives
how many files of the download must be passed over as not content, and how many messages are an
attachment alone (a document with a photo and no text of its own, so no marker). Files that are not content (ads,
logins, contacts, media, the platforms' own READMEs) carry no marker: a document without one means
something was read that should not have been.

People, organisations and numbers are invented. The layouts follow the public sources in
SOURCES.md beside this script. Re-run after a change: `python3 Fixtures/exports/build.py`.
"""
import json
import os
import shutil

ROOT = os.path.dirname(os.path.abspath(__file__))


class Export:
    def __init__(self, name, first_marker):
        self.name = name
        self.folder = os.path.join(ROOT, name)
        self.next = first_marker
        self.expected = []
        self.skipped = 0
        self.attachments = 0

    def marker(self, kind, path, **extra):
        number = f"617-555-{self.next:04d}"
        self.next += 1
        self.expected.append(dict(marker=number, kind=kind, file=path, **extra))
        return number

    def write(self, path, text):
        full = os.path.join(self.folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="") as f:
            f.write(text)

    def skip(self, path, text="not content\n"):
        self.skipped += 1
        self.write(path, text)

    def finish(self):
        os.makedirs(os.path.join(ROOT, "expected"), exist_ok=True)
        with open(os.path.join(ROOT, "expected", self.name + ".jsonl"), "w", encoding="utf-8") as f:
            f.write(json.dumps({"skipped": self.skipped, "attachments": self.attachments}) + "\n")
            for item in self.expected:
                f.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")


def fresh(name, first_marker):
    shutil.rmtree(os.path.join(ROOT, name), ignore_errors=True)
    return Export(name, first_marker)


def js(name, items):
    return f"window.YTD.{name}.part0 = " + json.dumps(items, indent=2, ensure_ascii=False)


def meta_escape(text):
    """Meta writes each UTF-8 byte of a non-ASCII character as its own \\u00XX escape."""
    return text.encode("utf-8").decode("latin-1")


def meta_json(value):
    return json.dumps(value, indent=2, ensure_ascii=True)


# X: data/*.js, `window.YTD.<name>.part0 = [...]`
def build_x():
    x = fresh("x", 1001)
    m = x.marker
    tweets = [
        {"tweet": {"id_str": "1760000000000000001", "created_at": "Mon Mar 04 10:00:00 +0000 2024",
                   "full_text": f"Flu clinic Saturday &amp; Sunday, questions: {m('post', 'data/tweets.js')}",
                   "entities": {"media": [{"media_url_https": "https://pbs.twimg.example/media/a.jpg"}]}}},
        {"tweet": {"id_str": "1760000000000000002", "created_at": "Mon Mar 04 11:00:00 +0000 2024",
                   "in_reply_to_status_id_str": "1750000000000000009", "in_reply_to_screen_name": "pat_example",
                   "full_text": f"@pat_example so sorry about the wait, call {m('reply', 'data/tweets.js')}"}},
        # An @-reply whose parent the archive lost: still a reply.
        {"tweet": {"id_str": "1760000000000000003", "created_at": "Mon Mar 04 12:00:00 +0000 2024",
                   "full_text": f"@sam_example thanks, reach us on {m('reply', 'data/tweets.js')}"}},
    ]
    note_text = ("Long post: our new wing opens Monday with a walk-in clinic, a pharmacy, imaging and a café. "
                 "Parking is free for the first month and the shuttle runs every 20 minutes from the station. "
                 "Volunteers are welcome at the front desk; tours run hourly from nine until four every weekday "
                 "and on Saturday mornings. Bring a friend, bring questions, and ask for Renata at "
                 + m("post", "data/tweets.js", note=True))
    cut = note_text[:260] + "… https://t.co/AbCdEf1234"
    tweets.append({"tweet": {"id_str": "1760000000000000004", "created_at": "Tue Mar 05 09:00:00 +0000 2024", "full_text": cut}})
    x.write("data/tweets.js", js("tweets", tweets))
    x.write("data/tweets-part1.js", js("tweets", [
        {"tweet": {"id_str": "1760000000000000005", "created_at": "Wed Mar 06 09:00:00 +0000 2024",
                   "full_text": f"Blood drive next week &lt;3 sign up: {m('post', 'data/tweets-part1.js')}"}}]))
    x.write("data/note-tweet.js", js("noteTweet", [
        {"noteTweet": {"noteTweetId": "1760000000000000104", "createdAt": "2024-03-05T09:00:00.000Z",
                       "core": {"text": note_text, "urls": [], "mentions": [], "hashtags": []}}}]))
    x.write("data/deleted-tweets.js", js("deleted_tweets", [
        {"tweet": {"id_str": "1760000000000000006", "created_at": "Thu Mar 07 09:00:00 +0000 2024", "deleted_at": "Thu Mar 07 10:00:00 +0000 2024",
                   "full_text": f"Deleted post with {m('post', 'data/deleted-tweets.js')}"}}]))
    x.write("data/community-tweet.js", js("community_tweet", [
        {"tweet": {"id_str": "1760000000000000007", "created_at": "Fri Mar 08 09:00:00 +0000 2024",
                   "full_text": f"Community note: {m('post', 'data/community-tweet.js')}"}}]))
    x.write("data/direct-messages.js", js("direct_messages", [
        {"dmConversation": {"conversationId": "111-222", "messages": [
            {"messageCreate": {"id": "1770000000000000001", "senderId": "111", "recipientId": "222", "createdAt": "2024-03-09T10:00:00.000Z",
                               "text": f"Your appointment moved, call {m('message', 'data/direct-messages.js', author='111')}", "mediaUrls": []}},
            {"messageCreate": {"id": "1770000000000000002", "senderId": "222", "recipientId": "111", "createdAt": "2024-03-09T10:05:00.000Z",
                               "text": f"Thanks, my number is {m('message', 'data/direct-messages.js', author='222')}", "mediaUrls": []}},
        ]}}]))
    x.write("data/direct-messages-group.js", js("direct_messages_group", [
        {"dmConversation": {"conversationId": "g-333", "messages": [
            {"joinConversation": {"initiatingUserId": "111", "participantsSnapshot": ["111", "222"], "createdAt": "2024-03-10T09:00:00.000Z"}},
            {"messageCreate": {"id": "1770000000000000003", "senderId": "111", "createdAt": "2024-03-10T09:01:00.000Z",
                               "text": f"Shift swap? {m('message', 'data/direct-messages-group.js', author='111')}", "mediaUrls": []}},
        ]}}]))
    # Not content: the archive's README, manifest, account data, ads, the viewer, media.
    x.skip("data/README.txt", "Twitter archive README: what each file holds.\n")
    x.skip("data/manifest.js", js("manifest", [{"userInfo": {"accountId": "111"}}]))
    x.skip("data/account.js", js("account", [{"account": {"username": "examplehealth"}}]))
    x.skip("data/ad-engagements.js", js("ad_engagements", []))
    x.skip("data/tweets_media/1760000000000000001-a.jpg", "jpeg")
    x.skip("Your archive.html", "<html><body>viewer</body></html>\n")
    x.finish()


# Facebook, JSON: posts in both layouts, comments, Messenger, groups, albums
def build_facebook():
    fb = fresh("facebook", 2001)
    m = fb.marker
    posts = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"
    fb.write(posts, meta_json([
        {"timestamp": 1709546400, "data": [{"post": meta_escape(f"José's café fundraiser, info {m('post', posts)}")}], "title": "Example Health"},
        {"timestamp": 1709546400, "data": [{"post": "Same second, different post: no id to collide"}],
         "attachments": [{"data": [{"media": {"uri": "your_facebook_activity/posts/media/1.jpg",
                                              "description": f"Photo note {m('post', posts, alt=True)}"}}]}]},
        {"timestamp": 1709550000, "data": [{"update_timestamp": 1709550000}], "title": "Example Health updated their cover photo."},
    ]))
    profile = "this_profile's_activity_across_facebook/posts/profile_posts_1.json"
    fb.write(profile, meta_json([{"timestamp": 1709640000, "data": [{"post": f"Page post {m('post', profile)}"}]}]))
    other = "your_facebook_activity/posts/posts_on_other_pages_and_profiles.json"
    fb.write(other, meta_json([{"timestamp": 1709650000, "data": [{"post": f"On a partner's page {m('post', other)}"}]}]))
    comments = "your_facebook_activity/comments_and_reactions/comments.json"
    fb.write(comments, meta_json({"comments_v2": [
        {"timestamp": 1709700000, "data": [{"comment": {"timestamp": 1709700000, "author": "Example Health",
                                                        "comment": f"So glad you are feeling better, call {m('reply', comments, author='Example Health')}"}}],
         "title": "Example Health replied to Dana Example's comment."},
        {"timestamp": 1709700100, "data": [{"comment": {"timestamp": 1709700100, "author": "Example Health",
                                                        "comment": f"Happy to help {m('reply', comments, author='Example Health')}"}}]},
    ]}))
    for folder, count in [("inbox", 2), ("message_requests", 1), ("archived_threads", 1), ("filtered_threads", 1), ("e2ee_cutover", 1)]:
        path = f"your_facebook_activity/messages/{folder}/danaexample_1234/message_1.json"
        messages = [{"sender_name": "Dana Example", "timestamp_ms": 1709800000000 + i,
                     "content": meta_escape(f"Mensaje número {i}: {m('message', path, author='Dana Example')}")} for i in range(count)]
        messages.append({"sender_name": "Example Health", "timestamp_ms": 1709800005000, "photos": [{"uri": "messages/photos/1.jpg"}],
                         "content": f"Photo sent {m('message', path, author='Example Health')}"})
        fb.write(path, meta_json({"participants": [{"name": "Dana Example"}, {"name": "Example Health"}], "messages": messages,
                                  "title": "Dana Example", "is_still_participant": True, "thread_path": f"{folder}/danaexample_1234"}))
    second = "your_facebook_activity/messages/inbox/danaexample_1234/message_2.json"
    fb.write(second, meta_json({"participants": [{"name": "Dana Example"}], "title": "Dana Example",
                                "messages": [{"sender_name": "Example Health", "timestamp_ms": 1709700000000,
                                              "content": f"Older page of the thread {m('message', second, author='Example Health')}"}]}))
    groups = "your_facebook_activity/groups/your_posts_in_groups.json"
    fb.write(groups, meta_json({"group_posts_v2": [{"timestamp": 1709900000, "data": [{"post": f"Group post {m('post', groups)}"}],
                                                    "title": "Example Health posted in Neighbours."}]}))
    group_comments = "your_facebook_activity/groups/your_comments_in_groups.json"
    fb.write(group_comments, meta_json({"group_comments_v2": [{"timestamp": 1709900100, "data": [{"comment": {
        "timestamp": 1709900100, "comment": f"Group comment {m('reply', group_comments)}", "author": "Example Health", "group": "Neighbours"}}]}]}))
    album = "your_facebook_activity/posts/album/0.json"
    fb.write(album, meta_json({"name": "Open house", "description": f"Album about the open house {m('post', album)}",
                               "photos": [{"uri": "photos/2.jpg", "creation_timestamp": 1709950000, "title": "Open house",
                                           "description": f"Front desk team {m('post', album)}"}],
                               "last_modified_timestamp": 1709950000}))
    # Not content.
    fb.skip("your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json", meta_json([{"timestamp": 1, "title": "liked"}]))
    fb.skip("ads_information/advertisers_using_your_activity_or_information.json", meta_json({"custom_audiences_all_types_v2": []}))
    fb.skip("security_and_login_information/logins_and_logouts.json", meta_json({"account_accesses_v2": []}))
    fb.skip("logged_information/search/your_search_history.json", meta_json({"searches_v2": []}))
    fb.skip("personal_information/profile_information/profile_information.json", meta_json({"profile_v2": {}}))
    fb.skip("your_facebook_activity/posts/media/1.jpg", "jpeg")
    fb.finish()


def html_page(blocks):
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Your information</title></head><body>"
            "<div class=\"_a705\"><main class=\"_a706\" role=\"main\">" + "".join(blocks) + "</main></div></body></html>\n")


def html_block(heading, text, time, images=()):
    lines = "".join(f"<div>{line}</div>" for line in text.split("\n")) + "".join(f"<img src=\"{src}\">" for src in images)
    return (f"<div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><div class=\"_3-95 _2pim _a6-h _a6-i\">{heading}</div>"
            f"<div class=\"_3-95 _a6-p\"><div><div></div><div>{lines}</div><div></div></div></div>"
            f"<div class=\"_3-94 _a6-o\"><div class=\"_a72d\">{time}</div></div></div>")


# Facebook, HTML: the same download asked for as HTML
def build_facebook_html():
    fb = fresh("facebook-html", 3001)
    m = fb.marker
    posts = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html"
    fb.write(posts, html_page([
        html_block("Example Health updated their status.", f"Open house &amp; tours\nCall {m('post', posts)}", "Mar 04, 2024 10:00:00 am"),
        html_block("Example Health", f"Second post {m('post', posts)}", "Mar 05, 2024 10:00:00 am"),
    ]))
    thread = "your_facebook_activity/messages/inbox/danaexample_1234/message_1.html"
    fb.write(thread, html_page([
        html_block("Dana Example", f"Can you call me at {m('message', thread, author='Dana Example')}", "Mar 06, 2024 9:00:00 am"),
        html_block("Example Health", f"Of course, ours is {m('message', thread, author='Example Health')}", "Mar 06, 2024 9:05:00 am"),
    ]))
    comments = "your_facebook_activity/comments_and_reactions/comments.html"
    fb.write(comments, html_page([html_block("Example Health replied to Dana Example's comment.",
                                             f"Glad to help {m('reply', comments)}", "Mar 07, 2024 9:00:00 am")]))
    fb.skip("ads_information/advertisers_using_your_activity_or_information.html", html_page([]))
    fb.skip("security_and_login_information/logins_and_logouts.html", html_page([]))
    fb.skip("start_here.html", html_page([]))
    fb.finish()


# Instagram
def build_instagram():
    ig = fresh("instagram", 4001)
    m = ig.marker
    posts = "your_instagram_activity/content/posts_1.json"
    ig.write(posts, meta_json([
        {"media": [{"uri": "media/posts/202403/1.jpg", "creation_timestamp": 1709546400, "title": ""}],
         "title": meta_escape(f"Our new garden, José planted it {m('post', posts)}"), "creation_timestamp": 1709546400},
        {"media": [{"uri": "media/posts/202403/2.jpg", "creation_timestamp": 1709550000,
                    "title": f"Caption kept on the media {m('post', posts)}"}]},
    ]))
    stories = "your_instagram_activity/content/stories.json"
    ig.write(stories, meta_json({"ig_stories": [{"uri": "media/stories/1.mp4", "creation_timestamp": 1709600000,
                                                  "title": f"Story {m('post', stories)}"}]}))
    reels = "your_instagram_activity/content/reels.json"
    ig.write(reels, meta_json({"ig_reels_media": [{"media": [{"uri": "media/reels/1.mp4", "creation_timestamp": 1709610000,
                                                              "title": f"Reel {m('post', reels)}"}]}]}))
    archived = "your_instagram_activity/content/archived_posts.json"
    ig.write(archived, meta_json({"ig_archived_post_media": [{"media": [{"uri": "media/archived/1.jpg", "creation_timestamp": 1709620000,
                                                                         "title": f"Archived {m('post', archived)}"}]}]}))
    comments = "your_instagram_activity/comments/post_comments_1.json"
    ig.write(comments, meta_json([
        {"media_list_data": [{"uri": ""}], "string_map_data": {
            "Comment": {"value": f"Thank you for visiting {m('reply', comments)}"},
            "Media Owner": {"value": "dana.example"}, "Time": {"timestamp": 1709700000}}},
    ]))
    reel_comments = "your_instagram_activity/comments/reels_comments.json"
    ig.write(reel_comments, meta_json({"comments_reels_comments": [{"string_map_data": {
        "Kommentar": {"value": f"Danke! {m('reply', reel_comments)}"},
        "Medieneigentümer": {"value": "dana.example"}, "Zeit": {"timestamp": 1709700100}}}]}))
    thread = "your_instagram_activity/messages/inbox/danaexample_987/message_1.json"
    ig.write(thread, meta_json({"participants": [{"name": "dana.example"}, {"name": "examplehealth"}], "title": "dana.example",
                                "messages": [
                                    {"sender_name": "dana.example", "timestamp_ms": 1709800000000,
                                     "content": f"Is the clinic open? {m('message', thread, author='dana.example')}"},
                                    {"sender_name": "examplehealth", "timestamp_ms": 1709800060000,
                                     "content": f"Yes, call {m('message', thread, author='examplehealth')}"}]}))
    ig.skip("ads_information/ads_and_topics/posts_viewed.json", meta_json({"impressions_history_posts_seen": []}))
    ig.skip("your_instagram_activity/likes/liked_posts.json", meta_json({"likes_media_likes": []}))
    ig.skip("personal_information/personal_information/personal_information.json", meta_json({"profile_user": []}))
    ig.skip("security_and_login_information/login_and_profile_creation/login_activity.json", meta_json({"account_history_login_history": []}))
    ig.skip("media/posts/202403/1.jpg", "jpeg")
    ig.finish()


def csv_cell(text, backslash=False):
    return '"' + (text.replace('"', '\\"') if backslash else text.replace('"', '""')) + '"'


# Instagram, HTML: the caption of a post is its heading
def build_instagram_html():
    ig = fresh("instagram-html", 4501)
    m = ig.marker
    posts = "your_instagram_activity/content/posts_1.html"
    ig.write(posts, html_page([
        html_block(f"Our new garden {m('post', posts)}", "", "Mar 04, 2024 10:00 am", images=["media/posts/202403/1.jpg"]),
        html_block(f"Flu clinic {m('post', posts)}", "", "Mar 05, 2024 10:00 am", images=["media/posts/202403/2.jpg"]),
    ]))
    thread = "your_instagram_activity/messages/inbox/danaexample_987/message_1.html"
    ig.write(thread, html_page([
        html_block("dana.example", f"Is the clinic open? {m('message', thread, author='dana.example')}", "Mar 06, 2024 9:00 am"),
        html_block("examplehealth", f"Yes, call {m('message', thread, author='examplehealth')}", "Mar 06, 2024 9:01 am"),
    ]))
    ig.skip("ads_information/ads_and_topics/posts_viewed.html", html_page([]))
    ig.skip("start_here.html", html_page([]))
    ig.skip("media/posts/202403/1.jpg", "jpeg")
    ig.finish()


# LinkedIn
def build_linkedin():
    li = fresh("linkedin", 5001)
    m = li.marker
    share1, share2 = ("https://www.linkedin.com/feed/update/urn:li:share:7001", "https://www.linkedin.com/feed/update/urn:li:share:7002")
    text1 = csv_cell("We are hiring nurses, call " + m("post", "Shares.csv", id=share1))
    text2 = csv_cell("Two lines,\nsecond line " + m("post", "Shares.csv", id=share2))
    li.write("Shares.csv", "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
             f"2024-03-04 10:00:00,{share1},{text1},,,MEMBER_NETWORK\n"
             f"2024-03-05 10:00:00,{share2},{text2},,,PUBLIC\n")
    link1, link2 = ("https://www.linkedin.com/feed/update/urn:li:activity:8001", "https://www.linkedin.com/feed/update/urn:li:activity:8002")
    # LinkedIn writes a quote inside a quoted field as \".
    comment1 = csv_cell('She said "thank you", call ' + m("reply", "Comments.csv", id=link1), backslash=True)
    comment2 = csv_cell("Congrats " + m("reply", "Comments.csv", id=link2), backslash=True)
    li.write("Comments.csv", "Date,Link,Message\n"
             f"2024-03-06 10:00:00,{link1},{comment1}\n"
             f"2024-03-07 10:00:00,{link2},{comment2}\n")
    message1 = csv_cell("About my results, call me " + m("message", "messages.csv", author="Dana Example"))
    message2 = csv_cell("Please call " + m("message", "messages.csv", author="Example Health"))
    li.write("messages.csv", "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
             f"2-abc,,Dana Example,https://www.linkedin.com/in/dana-example,Example Health,https://www.linkedin.com/company/example,2024-03-08 10:00:00 UTC,,{message1},INBOX\n"
             f"2-abc,,Example Health,https://www.linkedin.com/company/example,Dana Example,https://www.linkedin.com/in/dana-example,2024-03-08 11:00:00 UTC,Re: results,{message2},INBOX\n")
    note = csv_cell("Nice to meet you at the fair " + m("message", "Invitations.csv", author="Example Health"))
    li.write("Invitations.csv", "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
             f"Example Health,Dana Example,\"3/9/24, 10:00 AM\",{note},OUTGOING,https://www.linkedin.com/company/example,https://www.linkedin.com/in/dana-example\n"
             "Sam Example,Example Health,\"3/10/24, 10:00 AM\",,INCOMING,https://www.linkedin.com/in/sam-example,https://www.linkedin.com/company/example\n")
    li.skip("Connections.csv", "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n"
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nDana,Example,https://www.linkedin.com/in/dana-example,,Acme,Nurse,04 Mar 2024\n")
    li.skip("Profile.csv", "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary\nExample,Health,,,,Hospital,\n")
    li.skip("Skills.csv", "Name\nPatient care\n")
    li.skip("Ad_Targeting.csv", "Member Age,Company Names\n,\n")
    li.finish()


# Google Business Profile, from Google Takeout
def build_google_business():
    gb = fresh("google-business", 6001)
    m = gb.marker
    base = "Takeout/Google Business Profile/account-1049/location-2231"
    page1 = f"{base}/reviews.json"
    gb.write(page1, json.dumps({"reviews": [
        {"name": "accounts/1049/locations/2231/reviews/AbCdEf1", "reviewer": {"displayName": "Dana Example"}, "starRating": "TWO",
         "comment": "Waited two hours.", "createTime": "2024-03-01T10:00:00Z", "updateTime": "2024-03-01T10:00:00Z",
         "reviewReply": {"comment": f"We're sorry, please call Patient Relations at {m('reply', page1, rating=2, reviewer='Dana Example', id='accounts/1049/locations/2231/reviews/AbCdEf1')}",
                         "updateTime": "2024-03-02T09:00:00Z"}},
        {"name": "accounts/1049/locations/2231/reviews/AbCdEf2", "reviewer": {"displayName": "Sam Example"}, "starRating": "FIVE",
         "comment": "Great nurses!", "createTime": "2024-03-03T10:00:00Z",
         "reviewReply": {"comment": f"Thank you, Sam! {m('reply', page1, rating=5, reviewer='Sam Example', id='accounts/1049/locations/2231/reviews/AbCdEf2')}",
                         "updateTime": "2024-03-04T09:00:00Z"}},
        {"name": "accounts/1049/locations/2231/reviews/AbCdEf3", "reviewer": {"displayName": "Lee Example"}, "starRating": "FOUR",
         "comment": "Clean and quick.", "createTime": "2024-03-05T10:00:00Z"},
    ], "averageRating": 3.7, "totalReviewCount": 4, "nextPageToken": "Xy12"}, indent=2))
    page2 = f"{base}/reviews-Xy12.json"
    gb.write(page2, json.dumps({"reviews": [
        {"name": "accounts/1049/locations/2231/reviews/AbCdEf4", "reviewer": {"displayName": "Kim Example"}, "starRating": "ONE",
         "comment": "Never again.", "createTime": "2024-03-06T10:00:00Z",
         "reviewReply": {"comment": f"Please reach out to us {m('reply', page2, rating=1, reviewer='Kim Example', id='accounts/1049/locations/2231/reviews/AbCdEf4')}",
                         "updateTime": "2024-03-07T09:00:00Z"}}]}, indent=2))
    gb.skip(f"{base}/location.json", json.dumps({"name": "locations/2231", "title": "Example Health Clinic"}))
    gb.skip(f"{base}/insights.json", json.dumps({"locationMetrics": []}))
    gb.skip("Takeout/archive_browser.html", "<html><body>Takeout</body></html>\n")
    gb.finish()


# WhatsApp: one chat per date layout the public parsers list
def build_whatsapp():
    wa = fresh("whatsapp", 7001)
    m = wa.marker
    chats = {
        "_chat.txt": lambda p: (
            f"[15/03/2024, 10:14:33] Ward 7: \u200eMessages and calls are end-to-end encrypted. No one outside of this chat can read them.\n"
            f"[15/03/2024, 10:14:40] Dana Example: Call me at {m('message', p, author='Dana Example')}\nsecond line\n"
            f"\u200e[15/03/2024, 10:15:01] Keisha Example: \u200e<attached: 00000012-PHOTO-2024-03-15.jpg>\n"
            f"[15/03/2024, 10:15:30] Ward 7: \u200eDana Example changed the subject to \u201cWard 7: nights\u201d\n"
            f"[3/15/24, 10:16:02\u202fAM] Marcus Example: ok {m('message', p, author='Marcus Example')}\n"
            f"[15/03/2024, 10:17:00] Keisha Example: image omitted\n"),
        "WhatsApp Chat with Ward 7.txt": lambda p: (
            "3/15/24, 10:17 AM - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n"
            f"3/15/24, 10:17 AM - Ray Example: Parking lot B closed {m('message', p, author='Ray Example')}\n"
            "3/15/24, 10:18 AM - Ray Example left\n"
            "3/15/24, 10:19 AM - Dana Example changed the subject from \"Ward 7\" to \"Ward 7: days\"\n"
            "3/15/24, 10:20 AM - Nia Example: <Media omitted>\n"),
        "WhatsApp Chat - Osasto 7.txt": lambda p: (
            f"15.3.2024 klo 10.14 - Aino Example: Soita {m('message', p, author='Aino Example')}\n"
            "15.3.2024 klo 10.15 - Aino Example: <Media jätetty pois>\n"),
        "WhatsApp Chat - dotted.txt": lambda p: (
            f"15.03.24 10.14.33: Dana Example: Call {m('message', p, author='Dana Example')}\n"),
        "WhatsApp Chat - Osztály 7.txt": lambda p: (
            f"2024. 03. 15. 10:14 - Anna Example: Hívj {m('message', p, author='Anna Example')}\n"
            f"15. 3. 2024. 10:15 - Ivana Example: Nazovi {m('message', p, author='Ivana Example')}\n"),
        "WhatsApp Chat - Planta 7.txt": lambda p: (
            f"15/3/24, 10:14 a. m. - Lucía Example: Llámame {m('message', p, author='Lucía Example')}\n"
            "15/3/24, 10:15 p. m. - Lucía Example: <Multimedia omitido>\n"),
        "WhatsApp Chat - Station 7.txt": lambda p: (
            f"[15.03.24, 10:14:33] Jonas Example: Ruf an {m('message', p, author='Jonas Example')}\n"
            "[15.03.24, 10:14:40] Jonas Example: \u200eBild weggelassen\n"
            "2024-03-15, 10:16 - Jonas Example: IMG-20240315-WA0001.jpg (Datei angehängt)\n"),
    }
    for name, chat in chats.items():
        wa.write(name, chat(name))
    # Messages that are an attachment alone: a photo sent, or one left out of the export.
    wa.attachments = 7
    wa.skip("00000012-PHOTO-2024-03-15.jpg", "jpeg")
    wa.skip("IMG-20240315-WA0001.jpg", "jpeg")
    wa.finish()


# Content calendars: Hootsuite (positional), Buffer, Sprout Social
def build_calendars():
    cal = fresh("calendars", 8001)
    m = cal.marker
    cal.write("hootsuite.csv",
              f"12/01/2026 09:00,{csv_cell('Flu shots all week ' + m('post', 'hootsuite.csv', publish_at='2026-12-01'))},https://example-health.example/flu\n"
              f"25/12/2026 10:30,{csv_cell('Holiday hours ' + m('post', 'hootsuite.csv', publish_at='2026-12-25'))},\n")
    cal.write("buffer.csv", "Text,Image URL,Tags,Posting Time\n"
              f"{csv_cell('Blood drive ' + m('post', 'buffer.csv', publish_at='2026-12-02'))},,events,2026-12-02 09:00\n"
              f"{csv_cell('Open house ' + m('post', 'buffer.csv', publish_at='2026-12-03'))},https://example.org/a.jpg,,2026-12-03 14:00\n")
    cal.write("sprout.csv", "message_text,date,time_24hr,network,link\n"
              f"{csv_cell('Walk-in clinic ' + m('post', 'sprout.csv', publish_at='2026-12-04'))},12/04/2026,09:30,facebook,\n"
              f"{csv_cell('Volunteers wanted ' + m('post', 'sprout.csv', publish_at='2026-12-05'))},2026-12-05,17:00,linkedin,\n")
    cal.skip("logo.png", "png")
    cal.finish()


if __name__ == "__main__":
    build_x()
    build_facebook()
    build_facebook_html()
    build_instagram()
    build_instagram_html()
    build_linkedin()
    build_google_business()
    build_whatsapp()
    build_calendars()
