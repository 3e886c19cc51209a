import bookingCancelled from '../../triggers/booking_cancelled';
import newBooking from '../../triggers/new_booking';
import { booking } from '../fixtures';
import { API_PATH, api, appTester, authBundle } from '../helpers';

const bookings = [
  booking({ id: 'book_confirmed', status: 'confirmed', created_at: '2026-04-11T15:00:00Z' }),
  booking({ id: 'book_cancelled', status: 'cancelled', created_at: '2026-04-11T14:00:00Z' }),
  booking({ id: 'book_canceled', status: 'Canceled', created_at: '2026-04-11T13:00:00Z' }),
];

describe('new_booking', () => {
  it('adds scheduled_start, the local date and time joined for calendar steps', async () => {
    const delivered = booking({ scheduled_date: '2026-05-02', scheduled_time: '7:30' });
    const [result] = await appTester(newBooking.operation.perform, authBundle({ cleanedRequest: delivered }));
    expect(result).toEqual({ ...delivered, scheduled_start: '2026-05-02T07:30' });
  });

  it('polls every booking', async () => {
    api({ offContract: 'a status in odd case' }).get(`${API_PATH}/bookings`).reply(200, { data: bookings, count: 3 });
    const results = await appTester(newBooking.operation.performList, authBundle({ inputData: {} }));
    expect(results.map((r) => r.id)).toEqual(['book_confirmed', 'book_cancelled', 'book_canceled']);
  });
});

describe('booking_cancelled', () => {
  it('polls only cancelled bookings, in either spelling', async () => {
    const scope = api({ offContract: 'a status in odd case' })
      .get(`${API_PATH}/bookings`)
      .reply(200, { data: bookings, count: 3 });
    const results = await appTester(bookingCancelled.operation.performList, authBundle({ inputData: {} }));
    expect(results.map((r) => r.id)).toEqual(['book_cancelled', 'book_canceled']);
    expect(scope.isDone()).toBe(true);
  });
});
