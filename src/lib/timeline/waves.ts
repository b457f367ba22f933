/** The waves of escalation in the data, offered as quick ranges on the timeline. */
export interface Wave {
  id: string;
  from: string;
  to: string;
  label: { en: string; ar: string };
}

export const WAVES: readonly Wave[] = [
  { id: '2021-summer', from: '2021-06-01', to: '2021-07-31', label: { en: 'Jun–Jul 2021', ar: 'حزيران–تموز 2021' } },
  { id: '2022-spring', from: '2022-01-01', to: '2022-04-30', label: { en: 'Jan–Apr 2022', ar: 'كانون الثاني–نيسان 2022' } },
  { id: '2022-summer', from: '2022-08-01', to: '2022-09-30', label: { en: 'Aug–Sep 2022', ar: 'آب–أيلول 2022' } },
  { id: '2023-winter', from: '2023-12-01', to: '2024-01-31', label: { en: 'Dec 2023–Jan 2024', ar: 'كانون الأول 2023–كانون الثاني 2024' } },
];
