import type { LanguageBank } from './types';

/** Standalone messages in Spanish. */
export const ES: LanguageBank = {
  lang: 'es',
  x: [
    {
      topic: 'crisis',
      reply: 'apology-en',
      text: '@CafeAurore Tengo intolerancia a la lactosa y llevo años pagando 60 céntimos más por la leche de avena. Después del vídeo de Lyon ya no sé qué me he estado tomando.',
      followUp:
        '@CafeAurore Os escribo en español y me contestáis en inglés con un texto copiado. ¿Hay alguien al otro lado?',
    },
    {
      topic: 'crisis',
      text: 'Cobrar un suplemento por la avena y servir leche de vaca no es un error, @CafeAurore, es una estafa. #OatGate',
    },
    {
      topic: 'crisis',
      text: '@CafeAurore ¿También pasa esto en vuestras cafeterías de Barcelona? Yo voy cada mañana a la de Passeig de Gràcia y siempre pido la leche de avena.',
    },
    {
      topic: 'crisis',
      text: 'Mi hija tiene alergia a la proteína de la leche de vaca. Confiábamos en @CafeAurore porque siempre presumían de sus opciones vegetales. Qué decepción más grande.',
    },
    {
      topic: 'copypaste',
      text: '@CafeAurore Os he escrito tres veces y lo único que recibo es un mensaje en inglés copiado y pegado. En España también somos clientes.',
    },
    {
      topic: 'copypaste',
      at: '18 19:10',
      text: 'Veinticuatro horas después del vídeo y @CafeAurore sigue sin decir nada en español. Ni un tuit, ni una historia. Impresionante.',
    },
    {
      topic: 'wave2',
      text: 'Lo que cuenta @nerea_mad pasaba también en el @CafeAurore de Valencia. Cuando se acababa la avena nos decían que no dijéramos nada. Los baristas no tenemos la culpa.',
    },
    {
      topic: 'wave2',
      text: 'Si la orden venía de los encargados, que no paguen los baristas. @CafeAurore, asumid la responsabilidad de arriba abajo. #OatGate',
    },
    {
      topic: 'aftermath',
      text: '@CafeAurore El comunicado está bien y reconocéis el problema. Pero que la versión en español llegue horas después dice mucho.',
    },
    {
      topic: 'aftermath',
      at: '19 10:35',
      text: 'Esta mañana en el @CafeAurore de Gran Vía han abierto el cartón de avena delante de mí. Así sí, así se recupera la confianza.',
    },
    {
      topic: 'aftermath',
      text: '@CafeAurore ¿El reembolso del suplemento también es para los que pagábamos en efectivo sin la tarjeta del club?',
      reply:
        '¡Sí! Puedes pedirlo sin tarjeta y sin ticket en aurore.cafe/es/reembolso. Revisamos todas las solicitudes, una por una.',
      followUp: '@CafeAurore Genial, ya lo he pedido. Gracias por contestar en español.',
    },
    {
      topic: 'hours',
      text: '@CafeAurore ¿A qué hora abre la cafetería de Atocha los domingos? En Google pone una hora y en vuestra web pone otra.',
    },
    {
      topic: 'loyalty',
      text: '@CafeAurore Tengo dos cuentas del Club Aurore por error, una con cada correo. ¿Se pueden juntar los granos en una sola?',
    },
    {
      topic: 'app',
      text: '@CafeAurore La app no me deja pagar con Bizum desde la actualización, sale un error y se cierra. ¿Sabéis algo?',
    },
    {
      topic: 'praise',
      text: 'Mil gracias al equipo del @CafeAurore de la calle Colón en Valencia: me guardaron la cartera que me dejé ayer con todo dentro. Gente honrada.',
    },
    {
      topic: 'jobs',
      text: '@CafeAurore ¿Estáis buscando baristas para la nueva tienda de Málaga? Tengo experiencia y disponibilidad inmediata.',
    },
    {
      topic: 'spam',
      text: '@CafeAurore 💰 Gana 300 € al día desde tu móvil con nuestra app de inversión. Plazas limitadas, escríbenos por privado ya 👇',
    },
    {
      topic: 'order',
      text: '@CafeAurore Pedí un chai con bebida de avena por la app y me lo dieron con leche normal. Justo esta semana. Tienda de Sol, esta mañana.',
    },
  ],
  facebook: [
    {
      topic: 'crisis',
      gender: 'f',
      reply: 'apology-en',
      text: 'Tengo intolerancia a la lactosa y pago el suplemento de avena desde hace años. Después de ver el vídeo me siento engañada.',
    },
    {
      topic: 'silence',
      text: 'Publicáis un anuncio del latte de pan de jengibre mientras todo el mundo habla del vídeo. ¿No hay nadie llevando esta página?',
    },
    {
      topic: 'crisis',
      text: '¿Alguien puede confirmar si en las cafeterías de Madrid también se hacía? Pregunto en serio, mi hijo es alérgico.',
    },
    {
      topic: 'copypaste',
      text: 'Respondéis en inglés y siempre con la misma frase. Los clientes españoles también existimos, que lo sepáis.',
    },
    {
      topic: 'crisis',
      text: 'Los baristas hacen lo que les mandan. Si esto pasaba en varias tiendas, la culpa es de la empresa y no de la chica del vídeo.',
    },
    {
      topic: 'wave2',
      text: 'Yo trabajé en la tienda de Gran Vía y confirmo lo que cuenta Nerea. Nunca podíamos decir que algo se había acabado.',
    },
    {
      topic: 'aftermath',
      text: 'Por fin un comunicado serio y con datos. Me parece bien que no culpéis a los baristas, eso dice mucho de vosotros.',
    },
    {
      topic: 'aftermath',
      text: '¿Nueve tiendas de 212? ¿Y cuántas de ellas están en España? Eso no lo dice el comunicado.',
      reply:
        'Hola, en España se encontraron dos casos, en Gran Vía y en Sol. El detalle por tienda está en aurore.cafe/es/compromisos.',
    },
    {
      topic: 'aftermath',
      text: 'Ya me han devuelto el suplemento en la app, 29 euros en granos. Por lo menos eso lo habéis hecho rápido.',
    },
    {
      topic: 'aftermath',
      text: 'Está bien lo de quitar el suplemento hasta final de año. ¿Y en enero qué? ¿Volvemos a pagar de más por la avena?',
    },
    {
      topic: 'loyalty',
      text: '¿Los granos dobles cuentan también si pido desde Glovo? En la app no lo explica por ningún lado.',
    },
    {
      topic: 'app',
      text: 'Desde la actualización no puedo entrar en la app, me dice que mi correo no existe. Llevo cuatro años usándola.',
    },
    {
      topic: 'jobs',
      text: '¿Vais a contratar también en Madrid para Navidad o solo en Francia y Bélgica? Me interesa muchísimo.',
    },
    {
      topic: 'praise',
      text: 'El chai de cardamomo está buenísimo, lo probé ayer en Barcelona. Ojalá lo dejéis todo el año en la carta.',
    },
    {
      topic: 'allergens',
      text: '¿El sirope de pan de jengibre lleva frutos secos? Mi pareja es alérgica a la almendra y no encuentro la información.',
    },
    {
      topic: 'spam',
      text: 'Tu página ha sido denunciada por infringir derechos de autor. Verifica tu cuenta aquí para evitar el cierre: soporte-meta-verificacion.com',
    },
  ],
};
