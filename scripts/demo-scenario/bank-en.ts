import type { LanguageBank } from './types';

/** Standalone messages in English. */
export const EN: LanguageBank = {
  lang: 'en',
  x: [
    {
      topic: 'crisis',
      reply: 'apology',
      text: '@CafeAurore I have a dairy allergy and I’ve paid your oat milk surcharge for years. Watching that video made my stomach turn. How long has this been going on?',
      followUp:
        '@CafeAurore I sent the DM like you asked and got an automatic reply back. That’s it? That’s the plan?',
    },
    {
      topic: 'crisis',
      text: 'Just watched the #OatGate clip. Charging extra for oat milk and pouring cow’s milk instead isn’t a mistake, @CafeAurore, it’s fraud.',
    },
    {
      topic: 'crisis',
      text: '@CafeAurore “Nobody can tell the difference.” People with allergies can. They just find out in the worst possible way.',
    },
    {
      topic: 'crisis',
      at: '18 09:14',
      text: 'Cancelled my standing order at the King’s Cross @CafeAurore this morning. Not coming back until I know exactly what’s in my cup.',
    },
    {
      topic: 'silence',
      at: '18 06:50',
      text: '@CafeAurore It’s been twelve hours since the video went viral and your last tweet is about gingerbread lattes. Read the room.',
    },
    {
      topic: 'copypaste',
      text: '@CafeAurore You’ve replied to half my timeline with the same sentence. Copy and paste isn’t an apology, it’s an admission that nobody is listening.',
    },
    {
      topic: 'crisis',
      text: 'Not defending anyone, but if @CafeAurore staff ran out of oat milk and were told never to say so, that’s a management problem first. #OatGate',
    },
    {
      topic: 'crisis',
      at: '18 12:06',
      text: 'My son is lactose intolerant and the @CafeAurore near his uni was his safe spot. He’s spent the whole morning texting me about this video. Not great.',
    },
    {
      topic: 'crisis',
      reply: 'apology',
      text: '@CafeAurore Does this affect your London shops too? Genuinely asking, I’m in the Shoreditch one most mornings with an oat flat white.',
    },
    {
      topic: 'silence',
      text: 'Wild that a brand with 180k followers has nothing to say for a whole night. @CafeAurore who is actually running your social accounts right now?',
    },
    {
      topic: 'campaign',
      text: '@CafeAurore I want a refund for every plant milk surcharge I’ve paid. #OatGate',
    },
    {
      topic: 'campaign',
      text: '@CafeAurore I want a refund for every plant milk surcharge I have paid. #OatGate #BoycottAurore',
    },
    {
      topic: 'wave2',
      text: 'Former shift lead at a @CafeAurore in Brussels here. Yes, we had the same rule: never tell a customer something’s out of stock. It came from the area managers.',
    },
    {
      topic: 'aftermath',
      text: '@CafeAurore The statement is a good one: numbers, causes, changes. It should have been posted on Tuesday night, but credit for owning it.',
    },
    {
      topic: 'aftermath',
      text: 'Got my surcharge refund in the app already, 27 euros in grains. Thanks @CafeAurore, I honestly didn’t expect it this fast.',
    },
    {
      topic: 'aftermath',
      text: '@CafeAurore Why only refund Club members automatically? Plenty of us paid by card without ever using the app.',
      reply:
        'Fair question. Anyone can claim without the app at aurore.cafe/refund: no receipt needed, just an estimate of your visits. We’ll process every request.',
      followUp: '@CafeAurore Thanks, just filled it in. Took two minutes, credit where it’s due.',
    },
    {
      topic: 'aftermath',
      at: '20 09:02',
      text: 'At the Shoreditch @CafeAurore this morning the barista opened a fresh carton of oat milk right in front of me. Small thing, but it matters.',
    },
    {
      topic: 'hours',
      text: '@CafeAurore What time does the King’s Cross shop open on Saturdays? Google says 8 but I’m sure I’ve been there earlier than that.',
      reply:
        'Hi! King’s Cross opens at 7 on Saturdays and 8 on Sundays. We’re getting Google updated, thanks for flagging it.',
    },
    {
      topic: 'loyalty',
      text: '@CafeAurore How long do Club Aurore grains last before they expire? I’ve got about 900 saved up and I’d rather not lose them.',
      reply:
        'Hi! Grains stay valid for 12 months after your last visit, so as long as you pop in once a year they never expire ☕',
    },
    {
      topic: 'app',
      text: '@CafeAurore The app keeps logging me out every time I close it. Tried reinstalling twice, same thing. iPhone 15, latest iOS.',
    },
    {
      topic: 'allergens',
      text: '@CafeAurore Are the vegan cookies made in the same kitchen as the ones with nuts? Asking for my partner who has a serious peanut allergy.',
      reply:
        'Thanks for asking. Our vegan cookies are baked in a facility that also handles nuts, so we can’t guarantee they’re free of traces. Please don’t risk it with a severe allergy.',
    },
    {
      topic: 'jobs',
      text: '@CafeAurore Are you hiring for the new Canary Wharf shop? I’ve been a barista for two years and I’d love to join the team.',
    },
    {
      topic: 'praise',
      text: 'Shout out to the @CafeAurore team at Shoreditch: they remembered my order after two visits and the flat white was perfect. Small things make a morning.',
    },
    {
      topic: 'lost',
      text: '@CafeAurore I left my AirPods case on the window table at your Rue de Rivoli café yesterday around 3pm. Any chance someone handed it in?',
    },
    {
      topic: 'order',
      text: '@CafeAurore Ordered a large oat latte on the app, got a small dairy one. After the week you’ve had, that’s honestly not funny.',
    },
    {
      topic: 'spam',
      text: '@CafeAurore Hey! 😍 Love your vibe! Our brand ambassador team would like to collab with you. DM us to get started 💎✨',
    },
    {
      topic: 'spam',
      text: '@CafeAurore Tired of slow growth? Get 10K real followers in 48 hours 🚀 Guaranteed results, check the link in our bio!',
    },
    {
      topic: 'spam',
      text: '@CafeAurore 🎁 Congratulations! You have been selected for our exclusive crypto airdrop. Claim your free tokens before midnight!',
    },
    {
      topic: 'product',
      text: '@CafeAurore Please bring back the hazelnut mocha from last winter. The gingerbread latte is nice but it’s just not the same.',
    },
    {
      topic: 'other',
      text: '@CafeAurore Do you take group bookings? I’d like to reserve a table for twelve for a team breakfast at the Brussels Louise café next Friday.',
    },
  ],
  facebook: [
    {
      topic: 'crisis',
      reply: 'apology',
      text: 'I’m a nurse and I’ve seen what a milk protein reaction does to a toddler. This is not a “we’re sorry for your experience” situation. Tell us what happened.',
    },
    {
      topic: 'crisis',
      text: 'Visiting Paris from Toronto, had your oat latte three times this week. Was that actually oat? I’m lactose intolerant and felt awful yesterday.',
    },
    {
      topic: 'silence',
      text: 'Posting a gingerbread latte ad and going silent while this blows up is a choice. Who is running this page?',
    },
    {
      topic: 'crisis',
      text: 'Can someone from the company confirm whether the London stores were checked? A simple yes or no would do.',
    },
    {
      topic: 'aftermath',
      text: 'This is what should have been posted on day one. Clear, specific, and you’re not throwing the barista under the bus.',
    },
    {
      topic: 'aftermath',
      text: 'Nine stores out of 212 is what you found when you looked. I’d like to know how it was checked, by whom, and whether it will be checked again.',
    },
    {
      topic: 'aftermath',
      text: 'Does the refund also cover drinks bought through Deliveroo or Uber Eats? Those never go through the loyalty app.',
      reply:
        'Good question! Delivery orders are included: use the form at aurore.cafe/refund and choose “delivery”. No receipt needed.',
    },
    {
      topic: 'aftermath',
      at: '20 08:55',
      text: 'The barista at Canary Wharf showed me the sealed carton this morning without me asking. Well done to the staff, honestly.',
    },
    {
      topic: 'loyalty',
      gender: 'f',
      text: 'Can you transfer grains from one account to another? My husband never uses his and I’d happily take them off his hands 😄',
    },
    {
      topic: 'app',
      text: 'The new app won’t accept my UK card, it says the billing address is invalid. Is it only for EU cards?',
      reply:
        'Hi! UK cards are supported; the postcode field just needs the space (e.g. “N1 9AL”). We’re fixing the validation in the next update.',
    },
    {
      topic: 'jobs',
      text: 'Are these roles open to people without a work visa? I’m a student here on a study permit and could do weekends.',
    },
    {
      topic: 'allergens',
      text: 'Does the gingerbread syrup contain any dairy? I’d like to know before ordering it with oat milk.',
    },
    {
      topic: 'praise',
      text: 'Had the cardamom chai at the Brussels Louise shop this afternoon and it was lovely. Really well balanced, not too sweet.',
    },
    {
      topic: 'spam',
      text: 'Earn $5,000 weekly working from home! No experience needed, message me now to learn more 💰💰',
    },
    {
      topic: 'spam',
      text: 'Your page is scheduled for deletion due to policy violations. Verify your account here to avoid suspension: fb-page-review-center.net',
    },
    {
      topic: 'other',
      text: 'Do you sell your beans online and ship to Ireland? I can’t find the winter blend anywhere over here.',
    },
  ],
};
