import type { Lang } from './types';

/**
 * Replies the brand team writes, each in every language: the emulated translation services know
 * them, so an agent who drafts one in their own language sees it sent in the customer's. They carry
 * no tone: the sentiment figures are measured on the customers' messages only (phrase-book.ts).
 */
export const REPLY_BOOK: Record<Lang, string>[] = [
  {
    fr: 'Bonjour, merci pour votre message. Le supplément pour le lait végétal vous est remboursé aujourd’hui dans l’application.',
    en: 'Hello, thank you for your message. The plant milk surcharge is refunded to you in the app today.',
    de: 'Hallo, danke für deine Nachricht. Der Aufpreis für Pflanzenmilch wird dir heute in der App erstattet.',
    nl: 'Hallo, bedankt voor je bericht. De toeslag voor plantaardige melk wordt je vandaag in de app terugbetaald.',
    es: 'Hola, gracias por tu mensaje. Hoy te devolvemos en la aplicación el suplemento por la leche vegetal.',
    it: 'Ciao, grazie per il messaggio. Il supplemento per il latte vegetale ti viene rimborsato oggi nell’app.',
  },
  {
    fr: 'Bonjour, oui, ce café est ouvert le dimanche de 8 h à 18 h. À bientôt !',
    en: 'Hello, yes, that café is open on Sundays from 8 am to 6 pm. See you soon!',
    de: 'Hallo, ja, dieses Café hat sonntags von 8 bis 18 Uhr geöffnet. Bis bald!',
    nl: 'Hallo, ja, dat café is op zondag open van 8.00 tot 18.00 uur. Tot snel!',
    es: 'Hola, sí, esa cafetería abre los domingos de 8:00 a 18:00. ¡Hasta pronto!',
    it: 'Ciao, sì, quel locale è aperto la domenica dalle 8 alle 18. A presto!',
  },
  {
    fr: 'Merci beaucoup pour ce message, nous le transmettons à l’équipe du café.',
    en: 'Thank you very much for this message, we are passing it on to the café team.',
    de: 'Vielen Dank für diese Nachricht, wir geben sie an das Team des Cafés weiter.',
    nl: 'Hartelijk dank voor dit bericht, we geven het door aan het team van het café.',
    es: 'Muchas gracias por este mensaje, se lo transmitimos al equipo de la cafetería.',
    it: 'Grazie mille per questo messaggio, lo giriamo al team del locale.',
  },
];
