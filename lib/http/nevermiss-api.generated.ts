// Generated from openapi/nevermiss.yaml by `npm run types`: do not edit by hand.

export interface paths {
  '/calls': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All calls handled by NeverMiss. */
    get: operations['listCalls'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/calls/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One call, with its transcript. */
    get: operations['getCall'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All captured leads. */
    get: operations['listLeads'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/leads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One lead. */
    get: operations['getLead'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * All booked appointments.
     * @description A booking that is moved, changed or cancelled is answered as it now is, under the same id (the integration's New or Updated Booking polls this list for changes).
     */
    get: operations['listBookings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bookings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One booking. */
    get: operations['getBooking'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Aggregate figures of the account. */
    get: operations['getStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Registers a URL for event notifications. */
    post: operations['createWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Removes a webhook. */
    delete: operations['deleteWebhook'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  new_call: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** NeverMiss finished a call. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['NewCallDelivery'];
        };
      };
      responses: {
        /** @description Received. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  missed_call: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A caller hung up before NeverMiss answered. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['MissedCallDelivery'];
        };
      };
      responses: {
        /** @description Received. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  new_lead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** NeverMiss captured a lead. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['NewLeadDelivery'];
        };
      };
      responses: {
        /** @description Received. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  new_booking: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** NeverMiss booked an appointment. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['NewBookingDelivery'];
        };
      };
      responses: {
        /** @description Received. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  booking_cancelled: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A booking was cancelled. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['BookingCancelledDelivery'];
        };
      };
      responses: {
        /** @description Received. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    Error: {
      error: {
        /** @example 404 */
        status: number;
        /** @example Call call_abc123 not found. */
        message: string;
      };
    };
    /**
     * @description E.164.
     * @example +15551234567
     */
    PhoneNumber: string;
    /**
     * Format: date-time
     * @example 2026-04-11T14:30:00Z
     */
    Timestamp: string;
    TranscriptTurn: {
      /**
       * @example agent
       * @enum {string}
       */
      speaker: 'agent' | 'caller';
      /** @example Thanks for calling, how can I help? */
      text: string;
    };
    /** @description The fields of a call that list and detail share. */
    CallFields: {
      /** @example call_01HXK2V8Q4 */
      id: string;
      /** @example John Smith */
      caller_name: string;
      phone_number: components['schemas']['PhoneNumber'];
      timestamp: components['schemas']['Timestamp'];
      /** @example 184 */
      duration_seconds: number;
      /**
       * @example completed
       * @enum {string}
       */
      status: 'completed' | 'missed';
      /** @example inbound */
      call_type: string;
      /** @example Customer called about AC repair… */
      summary: string;
    };
    Call: components['schemas']['CallFields'];
    CallDetail: {
      transcript: components['schemas']['TranscriptTurn'][];
    } & components['schemas']['CallFields'];
    Lead: {
      /** @example lead_01HXL3A7PD */
      id: string;
      /** @example Maria Garcia */
      name: string;
      phone_number: components['schemas']['PhoneNumber'];
      /**
       * Format: email
       * @example maria.garcia@example.com
       */
      email: string;
      /** @example 123 Main St, Austin, TX */
      address: string;
      /** @example AC Installation */
      service_needed: string;
      /** @example high */
      urgency_level: string;
      /** @example inbound_call */
      source: string;
      /** @example new */
      status: string;
      created_at: components['schemas']['Timestamp'];
    };
    Booking: {
      /** @example book_01HXM4A9ZK */
      id: string;
      /** @example David Lee */
      customer_name: string;
      phone_number: components['schemas']['PhoneNumber'];
      /** @example HVAC Maintenance */
      service_type: string;
      /**
       * Format: date
       * @example 2026-04-15
       */
      scheduled_date: string;
      /**
       * @description HH:mm.
       * @example 09:00
       */
      scheduled_time: string;
      /** @example 123 Main St, Austin, TX */
      address: string;
      /** @example Annual AC tune-up */
      notes: string;
      /**
       * @example confirmed
       * @enum {string}
       */
      status: 'confirmed' | 'cancelled' | 'canceled';
      created_at: components['schemas']['Timestamp'];
    };
    Stats: {
      /** @example 12 */
      total_calls_today: number;
      /** @example 67 */
      total_calls_this_week: number;
      /** @example 248 */
      total_calls_this_month: number;
      /** @example 0 */
      missed_calls_today: number;
      /** @example 184 */
      average_call_duration_seconds: number;
      /** @example 15 */
      total_leads_captured: number;
      /** @example 10 */
      total_bookings: number;
      /** @example 14:00 UTC */
      busiest_hour: string;
      /** @example 12 */
      response_time_average_seconds: number;
    };
    /**
     * @example new_call
     * @enum {string}
     */
    WebhookEvent: 'new_call' | 'missed_call' | 'new_lead' | 'new_booking' | 'booking_cancelled';
    WebhookCreate: {
      /**
       * Format: uri
       * @example https://your-app.com/webhook
       */
      url: string;
      events: components['schemas']['WebhookEvent'][];
    };
    Webhook: {
      /** @example whk_2fc81fd8a1 */
      id: string;
      /**
       * Format: uri
       * @example https://your-app.com/webhook
       */
      url: string;
      events: components['schemas']['WebhookEvent'][];
      created_at: components['schemas']['Timestamp'];
      /** @example ****1e5f */
      api_key_suffix: string;
    };
    WebhookDeletion: {
      /** @example whk_2fc81fd8a1 */
      id: string;
      /**
       * @example true
       * @constant
       */
      deleted: true;
    };
    CallList: {
      data: components['schemas']['Call'][];
      /** @example 20 */
      count: number;
    };
    LeadList: {
      data: components['schemas']['Lead'][];
      /** @example 20 */
      count: number;
    };
    BookingList: {
      data: components['schemas']['Booking'][];
      /** @example 20 */
      count: number;
    };
    CallDetailEnvelope: {
      data: components['schemas']['CallDetail'];
    };
    LeadEnvelope: {
      data: components['schemas']['Lead'];
    };
    BookingEnvelope: {
      data: components['schemas']['Booking'];
    };
    StatsEnvelope: {
      data: components['schemas']['Stats'];
    };
    WebhookEnvelope: {
      data: components['schemas']['Webhook'];
    };
    WebhookDeletionEnvelope: {
      data: components['schemas']['WebhookDeletion'];
    };
    NewCallDelivery:
      | {
          /**
           * @example new_call
           * @constant
           */
          event: 'new_call';
          data: components['schemas']['CallDetail'];
        }
      | components['schemas']['CallDetail']
      | {
          data: components['schemas']['CallDetail'];
        }
      | components['schemas']['CallDetail'][];
    MissedCallDelivery:
      | {
          /**
           * @example missed_call
           * @constant
           */
          event: 'missed_call';
          data: components['schemas']['CallDetail'];
        }
      | components['schemas']['CallDetail']
      | {
          data: components['schemas']['CallDetail'];
        }
      | components['schemas']['CallDetail'][];
    NewLeadDelivery:
      | {
          /**
           * @example new_lead
           * @constant
           */
          event: 'new_lead';
          data: components['schemas']['Lead'];
        }
      | components['schemas']['Lead']
      | {
          data: components['schemas']['Lead'];
        }
      | components['schemas']['Lead'][];
    NewBookingDelivery:
      | {
          /**
           * @example new_booking
           * @constant
           */
          event: 'new_booking';
          data: components['schemas']['Booking'];
        }
      | components['schemas']['Booking']
      | {
          data: components['schemas']['Booking'];
        }
      | components['schemas']['Booking'][];
    BookingCancelledDelivery:
      | {
          /**
           * @example booking_cancelled
           * @constant
           */
          event: 'booking_cancelled';
          data: components['schemas']['Booking'];
        }
      | components['schemas']['Booking']
      | {
          data: components['schemas']['Booking'];
        }
      | components['schemas']['Booking'][];
  };
  responses: {
    /** @description Invalid request parameters. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Missing or invalid API key. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The resource does not exist. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Rate limited. */
    TooManyRequests: {
      headers: {
        'Retry-After': components['headers']['RetryAfter'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Server error. */
    ServerError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    Id: string;
  };
  requestBodies: never;
  headers: {
    /** @description Seconds to wait before trying again. */
    RetryAfter: number;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listCalls: {
    parameters: {
      query?: {
        /** @description The most calls to return. */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The calls (without transcripts). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['ServerError'];
    };
  };
  getCall: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The call. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallDetailEnvelope'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['ServerError'];
    };
  };
  listLeads: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The leads. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadList'];
        };
      };
      401: components['responses']['Unauthorized'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['ServerError'];
    };
  };
  getLead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The lead. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadEnvelope'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['ServerError'];
    };
  };
  listBookings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The bookings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingList'];
        };
      };
      401: components['responses']['Unauthorized'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['ServerError'];
    };
  };
  getBooking: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The booking. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingEnvelope'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['ServerError'];
    };
  };
  getStats: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The figures. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StatsEnvelope'];
        };
      };
      401: components['responses']['Unauthorized'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['ServerError'];
    };
  };
  createWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookCreate'];
      };
    };
    responses: {
      /** @description The webhook. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEnvelope'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['ServerError'];
    };
  };
  deleteWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The webhook is gone. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeletionEnvelope'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['ServerError'];
    };
  };
}
