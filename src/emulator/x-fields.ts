/**
 * The names X API v2 accepts in its field and expansion parameters (from the official OpenAPI spec,
 * `latest-openapi.json`). A name in these lists is accepted; the emulator fills those its scenario can
 * answer and leaves the others out, as X leaves out a field a tweet or user has no value for.
 */

export const TWEET_FIELDS = [
  'article',
  'attachments',
  'author_id',
  'card_uri',
  'community_id',
  'context_annotations',
  'conversation_id',
  'created_at',
  'display_text_range',
  'edit_controls',
  'edit_history_tweet_ids',
  'entities',
  'geo',
  'id',
  'in_reply_to_user_id',
  'lang',
  'media_metadata',
  'non_public_metrics',
  'note_tweet',
  'organic_metrics',
  'possibly_sensitive',
  'promoted_metrics',
  'public_metrics',
  'referenced_tweets',
  'reply_settings',
  'scopes',
  'source',
  'suggested_source_links',
  'suggested_source_links_with_counts',
  'text',
  'withheld',
] as const;

export const USER_FIELDS = [
  'affiliation',
  'confirmed_email',
  'connection_status',
  'created_at',
  'description',
  'entities',
  'id',
  'is_identity_verified',
  'location',
  'most_recent_tweet_id',
  'name',
  'parody',
  'pinned_tweet_id',
  'profile_banner_url',
  'profile_image_url',
  'protected',
  'public_metrics',
  'receives_your_dm',
  'subscription',
  'subscription_type',
  'url',
  'username',
  'verified',
  'verified_followers_count',
  'verified_type',
  'withheld',
] as const;

export const TWEET_EXPANSIONS = [
  'article.cover_media',
  'article.media_entities',
  'attachments.media_keys',
  'attachments.media_source_tweet',
  'attachments.poll_ids',
  'author_id',
  'edit_history_tweet_ids',
  'entities.mentions.username',
  'geo.place_id',
  'in_reply_to_user_id',
  'entities.note.mentions.username',
  'referenced_tweets.id',
  'referenced_tweets.id.attachments.media_keys',
  'referenced_tweets.id.author_id',
] as const;

export const USER_EXPANSIONS = [
  'affiliation.user_id',
  'most_recent_tweet_id',
  'pinned_tweet_id',
] as const;

export const MEDIA_FIELDS = [
  'alt_text',
  'duration_ms',
  'height',
  'media_key',
  'non_public_metrics',
  'organic_metrics',
  'preview_image_url',
  'promoted_metrics',
  'public_metrics',
  'type',
  'url',
  'variants',
  'width',
] as const;

export const POLL_FIELDS = [
  'duration_minutes',
  'end_datetime',
  'id',
  'options',
  'voting_status',
] as const;

export const PLACE_FIELDS = [
  'contained_within',
  'country',
  'country_code',
  'full_name',
  'geo',
  'id',
  'name',
  'place_type',
] as const;

/** Every list parameter with the names it accepts. */
export const LIST_PARAMETERS: Record<string, readonly string[]> = {
  'tweet.fields': TWEET_FIELDS,
  'user.fields': USER_FIELDS,
  'media.fields': MEDIA_FIELDS,
  'poll.fields': POLL_FIELDS,
  'place.fields': PLACE_FIELDS,
};

/** Query parameters of a tweet timeline (`/2/users/:id/mentions`; `/tweets` adds `exclude`). */
/** The parameters that choose what a tweet answer carries, on every tweet route that takes them. */
export const PROJECTION_PARAMETERS = [
  'expansions',
  'tweet.fields',
  'media.fields',
  'poll.fields',
  'user.fields',
  'place.fields',
];

export const TIMELINE_PARAMETERS = [
  'id',
  'since_id',
  'until_id',
  'max_results',
  'pagination_token',
  'start_time',
  'end_time',
  ...PROJECTION_PARAMETERS,
];

/** Query parameters of a user lookup (`/2/users/me`, `/2/users/:id`). */
export const USER_LOOKUP_PARAMETERS = ['id', 'expansions', 'tweet.fields', 'user.fields'];
