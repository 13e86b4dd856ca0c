-- A small deterministic bronze dataset for warehouse tests (used until/besides the generator):
-- 200 customers, ~500 accounts, ~8k transactions over 2023-01-01 .. 2024-12-31, with a known set of
-- dirty rows (each tagged in a comment) so quarantine reasons can be asserted.
select setseed(0.42);

insert into bronze.products (product_id, product_name, category, interest_rate, min_balance, monthly_fee, overdraft_limit, product_tier, is_premium, _batch_id)
values ('P01','Checking','Deposit',0.0100,0,5,500,'Basic',false,1),
       ('P02','Savings','Deposit',3.5000,100,0,0,'Basic',false,1),
       ('P03','Credit Card','Credit',22.9900,0,0,0,'Standard',false,1),
       ('P04','Personal Loan','Loan',9.5000,0,0,0,'Standard',false,1),
       ('P05','Mortgage','Loan',6.2500,0,0,0,'Standard',false,1),
       ('P06','Investment','Investment',0.0000,1000,10,0,'Premium',true,1),
       ('P07','Business Checking','Deposit',0.0500,500,15,2000,'Standard',false,1),
       ('P08','Auto Loan','Loan',7.1000,0,0,0,'Standard',false,1),
       ('P09','Premium Card','Credit',19.9900,0,0,0,'Premium',true,1),
       ('P10','Money Market','Deposit',4.1000,2500,0,0,'Premium',true,1);

insert into bronze.merchants (merchant_id, merchant_name, category, mcc_code, city, state, country, latitude, longitude, risk_rating, avg_transaction_amount, is_online, established_date, _batch_id)
select 'M' || lpad(i::text, 5, '0'),
       '  merchant ' || i || ' inc ',
       (array['Grocery','Restaurant','Gas Station','Retail','Entertainment','Healthcare','Utilities','Travel','Online Shopping','Services'])[1 + i % 10],
       (array['5411','5812','5541','5311','7832','8062','4900','4722','5969','7299'])[1 + i % 10],
       (array['Boston','Austin','Denver','Seattle','Miami'])[1 + i % 5],
       (array['MA','TX','CO','WA','FL'])[1 + i % 5], 'US',
       40 + random() * 5, -100 + random() * 20,
       (array['Low','Low','Medium','High'])[1 + i % 4],
       round((20 + random() * 200)::numeric, 2), i % 10 = 8, date '2000-01-01' + (i * 37 % 7000), 1
from generate_series(1, 100) i;

insert into bronze.customers (customer_id, first_name, last_name, email, phone, date_of_birth, age, ssn, address, city, state, zip_code, country,
       signup_date, credit_score, annual_income, employment_status, employer, job_title, education_level, marital_status, number_of_dependents,
       home_ownership, customer_segment, life_stage, risk_segment, is_active, preferred_channel, marketing_opt_in, loyalty_tier,
       customer_lifetime_value, churn_risk_score, last_login_date, acquisition_channel, _batch_id)
select 'C' || lpad(i::text, 7, '0'), 'First' || i, 'Last' || i,
       case when i = 7 then 'not-an-email' else ' First' || i || '.Last' || i || '@Example.COM ' end,
       '(555) ' || lpad((100 + i % 900)::text, 3, '0') || '-' || lpad((i % 10000)::text, 4, '0'),
       date '1950-01-01' + (i * 97 % 18000), 0, lpad((100000000 + i * 7919)::text, 9, '0'),
       i || ' Main St', (array['Boston','Austin','Denver','Seattle','Miami'])[1 + i % 5], (array['ma','TX','CO','WA','FL'])[1 + i % 5],
       lpad((i * 31 % 99999)::text, 5, '0'), 'US',
       date '2015-01-01' + (i * 13 % 3000), 300 + (i * 7 % 551), round((25000 + random() * 150000)::numeric, 2),
       (array['Employed','Self-Employed','Unemployed','Retired','Student'])[1 + i % 5], 'Employer ' || i % 20, 'Job ' || i % 7,
       (array['High School','Bachelor','Master','Doctorate'])[1 + i % 4], (array['Single','Married','Divorced','Widowed'])[1 + i % 4], i % 4,
       (array['Own','Mortgage','Rent'])[1 + i % 3], (array['Mass','Mass','Affluent','High Net Worth'])[1 + i % 4],
       (array['Young Adult','Family','Established','Pre-Retirement','Retired'])[1 + i % 5], (array['Low','Medium','High'])[1 + i % 3],
       i % 9 <> 0, (array['Online','Mobile','ATM','Branch','POS'])[1 + i % 5], i % 2 = 0, (array['Bronze','Silver','Gold','Platinum'])[1 + i % 4],
       round((1000 + random() * 20000)::numeric, 2), round(random()::numeric, 4), date '2024-12-01' + i % 30,
       (array['Online','Referral','Branch','Campaign'])[1 + i % 4], 1
from generate_series(1, 200) i;
update bronze.customers set age = extract(year from age(date '2024-12-31', date_of_birth))::int;
-- dirty: C0000201 duplicate of C0000005 (a later load wins), a customer without id, an absurd credit score
insert into bronze.customers (customer_id, first_name, last_name, email, phone, date_of_birth, age, ssn, address, city, state, zip_code, country, signup_date,
       credit_score, annual_income, employment_status, customer_segment, loyalty_tier, is_active, _batch_id, _loaded_at)
values ('C0000005','First5','Last5-updated','first5.last5@example.com','555-100-0005','1960-01-01',64,'123456789','5 Main St','Boston','MA','02101','US','2016-01-01',700,50000,'Employed','Mass','Gold',true,2, now() + interval '1 second'),
       (null,'No','Id','no.id@example.com','555-100-0000','1960-01-01',64,'123456789','x','Boston','MA','02101','US','2016-01-01',700,50000,'Employed','Mass','Gold',true,2, now()),
       ('C0000202','Bad','Score','bad.score@example.com','555-100-0202','1960-01-01',64,'123456789','x','Boston','MA','02101','US','2016-01-01',9999,50000,'Employed','Mass','Gold',true,2, now());

insert into bronze.accounts (account_id, customer_id, product_id, account_number, account_status, open_date, close_date, current_balance, available_balance,
       credit_limit, currency, interest_rate, minimum_payment, payment_due_date, last_statement_date, autopay_enabled, overdraft_protection, primary_account, _batch_id)
select 'A' || lpad(a::text, 8, '0'), 'C' || lpad((1 + (a - 1) % 200)::text, 7, '0'), 'P' || lpad((1 + a % 10)::text, 2, '0'),
       lpad((100000000000 + a * 7717)::text, 12, '0'), case when a % 17 = 0 then 'Closed' else 'Active' end,
       least(date '2023-01-01', date '2015-01-01' + ((1 + (a - 1) % 200) * 13 % 3000)), case when a % 17 = 0 then date '2024-11-30' end,
       round((random() * 10000)::numeric, 2), 0, case when a % 10 in (2, 8) then 5000 end, 'USD', 1.0, 0, null, date '2024-12-01', a % 3 = 0, a % 5 = 0, a <= 200, 1
from generate_series(1, 500) a;
update bronze.accounts set available_balance = current_balance + coalesce(credit_limit, 0);
-- dirty: an orphan account
insert into bronze.accounts (account_id, customer_id, product_id, account_number, account_status, open_date, current_balance, currency, _batch_id)
values ('A09999999', 'C9999999', 'P01', '999999999999', 'Active', '2023-05-01', 10, 'USD', 2);

insert into bronze.transactions (transaction_id, account_id, customer_id, merchant_id, transaction_date, transaction_type, amount, currency, channel,
       merchant_category, mcc_code, description, is_fraud, fraud_score, location_city, location_state, location_country, latitude, longitude,
       device_id, ip_address, is_international, authorization_code, card_last_four, is_recurring, hour_of_day, day_of_week, is_weekend,
       distance_from_home_km, merchant_risk_score, velocity_24h, amount_deviation_score, processing_time_ms, decline_reason, _batch_id)
select 'T' || lpad(t::text, 9, '0'), a.account_id, a.customer_id,
       case when t % 7 in (0, 1) then null else 'M' || lpad((1 + t % 100)::text, 5, '0') end,
       ts, tt, case when tt in ('Deposit', 'Refund') then amt else -amt end, 'USD',
       (array['Online','Mobile','ATM','Branch','POS'])[1 + t % 5],
       case when t % 7 in (0, 1) then null else (array['Grocery','Restaurant','Gas Station','Retail','Entertainment','Healthcare','Utilities','Travel','Online Shopping','Services'])[1 + (1 + t % 100) % 10] end,
       case when t % 7 in (0, 1) then null else (array['5411','5812','5541','5311','7832','8062','4900','4722','5969','7299'])[1 + (1 + t % 100) % 10] end,
       'payment ' || t, t % 97 = 0, round((case when t % 97 = 0 then 0.6 + random() * 0.4 else random() * 0.5 end)::numeric, 4),
       'Boston', 'MA', case when t % 50 = 0 then 'CA' else 'US' end, 42.3, -71.0, 'D' || t % 1000, '10.0.' || t % 255 || '.1',
       t % 50 = 0, case when t % 40 = 0 then null else upper(substr(md5(t::text), 1, 6)) end, lpad((t % 10000)::text, 4, '0'), t % 11 = 0,
       extract(hour from ts)::int, extract(isodow from ts)::int, extract(isodow from ts) >= 6,
       round((random() * 50)::numeric, 1), round(random()::numeric, 4), t % 5, round((random() * 3)::numeric, 4), 50 + t % 400,
       case when t % 40 = 0 then (array['Insufficient Funds','Invalid Card','Fraud Suspected'])[1 + t % 3] end, 1
from (select t, timestamp '2023-01-01' + (t::double precision / 8000) * interval '730 days' + (t % 86400) * interval '1 second' as ts,
             (array['Purchase','Purchase','Purchase','ATM','Fee','Deposit','Refund','Transfer','Payment'])[1 + t % 9] as tt,
             round((5 + random() * 300)::numeric, 2) as amt, 1 + (t * 7) % 500 as acc
      from generate_series(1, 8000) t) g
join bronze.accounts a on a.account_id = 'A' || lpad(g.acc::text, 8, '0') and a._batch_id = 1;
-- dirty transactions: duplicate (same id, later load), missing amount, future date, orphan merchant, hour mismatch, orphan account
insert into bronze.transactions (transaction_id, account_id, customer_id, merchant_id, transaction_date, transaction_type, amount, currency, channel,
       is_fraud, hour_of_day, day_of_week, is_weekend, _batch_id, _loaded_at)
values ('T000000100','A00000201','C0000001',null,'2023-01-10 10:00','Deposit',100,'USD','Online',false,10,2,false,2, now() + interval '1 second'),
       ('T900000001','A00000002','C0000002',null,'2024-06-01 10:00','Deposit',null,'USD','Online',false,10,6,true,2, now()),
       ('T900000002','A00000002','C0000002',null,'2031-06-01 10:00','Deposit',50,'USD','Online',false,10,7,true,2, now()),
       ('T900000003','A00000002','C0000002','M77777','2024-06-01 10:00','Purchase',-50,'USD','POS',false,10,6,true,2, now()),
       ('T900000004','A00000002','C0000002',null,'2024-06-01 10:00','Deposit',50,'USD','Online',false,3,6,true,2, now()),
       ('T900000005','A09999998','C0000002',null,'2024-06-01 10:00','Deposit',50,'USD','Online',false,10,6,true,2, now());

insert into bronze.credit_applications (application_id, customer_id, product_id, application_date, requested_amount, requested_term_months, credit_score_at_application,
       annual_income, debt_to_income_ratio, employment_length_years, decision, decision_date, approved_amount, approved_rate, application_channel,
       approval_probability_score, risk_grade, _batch_id)
select 'L' || lpad(i::text, 7, '0'), 'C' || lpad((1 + i * 3 % 200)::text, 7, '0'), (array['P03','P04','P05','P08','P09'])[1 + i % 5],
       date '2023-01-01' + i * 2, 1000 + i * 100, 12 * (1 + i % 5), 550 + i % 300, 60000, round((0.1 + (i % 50) / 100.0)::numeric, 4), i % 15,
       (array['Approved','Declined','Pending'])[1 + i % 3], case when i % 3 <> 2 then date '2023-01-01' + i * 2 + 3 end,
       case when i % 3 = 0 then 1000 + i * 90 end, case when i % 3 = 0 then 8.5 end,
       (array['Online','Mobile','Branch'])[1 + i % 3], round(((i % 100) / 100.0)::numeric, 4), (array['A','B','C','D','E'])[1 + i % 5], 1
from generate_series(1, 300) i;

insert into bronze.fraud_alerts (alert_id, transaction_id, customer_id, account_id, alert_date, alert_type, alert_severity, investigation_status, resolution_date,
       amount_recovered, assigned_to, notes, _batch_id)
select 'F' || lpad(row_number() over (order by t.transaction_id)::text, 7, '0'), t.transaction_id, t.customer_id, t.account_id, t.transaction_date + interval '5 minutes',
       (array['Unusual Amount','Velocity','Geographic','Merchant Risk','Night Activity'])[1 + (row_number() over (order by t.transaction_id))::int % 5],
       (array['Low','Medium','High','Critical'])[1 + (row_number() over (order by t.transaction_id))::int % 4],
       case when t.is_fraud then 'Confirmed Fraud' else 'False Positive' end, (t.transaction_date + interval '3 days')::date,
       case when t.is_fraud then round(abs(t.amount) / 2, 2) else 0 end, 'analyst' || (row_number() over (order by t.transaction_id))::int % 5, null, 1
from bronze.transactions t where t._batch_id = 1 and (t.is_fraud or t.fraud_score > 0.48);
-- dirty: negative recovered amount
insert into bronze.fraud_alerts (alert_id, transaction_id, customer_id, account_id, alert_date, alert_type, alert_severity, investigation_status, amount_recovered, _batch_id)
values ('F9000001', 'T000000097', 'C0000001', 'A00000001', '2023-01-10 10:00', 'Velocity', 'High', 'Confirmed Fraud', -10, 2);

insert into bronze.customer_interactions (interaction_id, customer_id, interaction_date, interaction_type, reason, duration_minutes, sentiment_score,
       satisfaction_rating, resolved, escalated, agent_id, notes, _batch_id)
select 'I' || lpad(i::text, 7, '0'), 'C' || lpad((1 + i * 7 % 200)::text, 7, '0'), timestamp '2023-01-01 09:00' + i * interval '17 hours',
       (array['Phone','Chat','Email','Branch Visit'])[1 + i % 4], (array['Card Declined','Fraud Concern','Fee Dispute','Account Inquiry'])[1 + i % 4],
       1 + i % 40, round((-1 + (i % 200) / 100.0)::numeric, 4), case when i % 6 = 0 then null else 1 + i % 5 end, i % 3 <> 0, i % 10 = 0, 'AG' || i % 12, null, 1
from generate_series(1, 1000) i;
-- dirty: satisfaction out of range
insert into bronze.customer_interactions (interaction_id, customer_id, interaction_date, interaction_type, reason, satisfaction_rating, _batch_id)
values ('I9000001', 'C0000001', '2023-03-01 10:00', 'Phone', 'Fee Dispute', 9, 2);

insert into bronze.economic_indicators (date, gdp_growth_rate, unemployment_rate, inflation_rate, federal_funds_rate, sp500_index, vix_index,
       consumer_confidence_index, housing_price_index, treasury_yield_10yr, mortgage_rate_30yr, _batch_id)
select (date '2023-01-01' + m * interval '1 month')::date, 2 + m / 10.0, 3.5 + m / 50.0, 6 - m / 8.0, 4.5 + m / 20.0, 4000 + m * 40, 18 - m / 5.0,
       100 + m, 300 + m * 2, 3.8, 6.5 + m / 30.0, 1
from generate_series(0, 23) m;

insert into bronze.marketing_campaigns (campaign_id, campaign_name, campaign_type, start_date, end_date, target_segment, budget, impressions, clicks,
       conversions, cost_per_acquisition, roi, product_promoted, _batch_id)
select 'K' || lpad(i::text, 4, '0'), 'Campaign ' || i, (array['Email','Social','Display','Direct Mail','Search'])[1 + i % 5],
       date '2023-01-01' + i * 30, date '2023-01-01' + i * 30 + 20, (array['Mass','Affluent','High Net Worth'])[1 + i % 3],
       10000 + i * 1000, 100000 + i * 5000, 3000 + i * 100, 100 + i * 5, round((10000 + i * 1000)::numeric / (100 + i * 5), 2), round((0.1 + i / 100.0)::numeric, 4),
       'P' || lpad((1 + i % 10)::text, 2, '0'), 1
from generate_series(1, 20) i;
-- dirty: clicks > impressions
insert into bronze.marketing_campaigns (campaign_id, campaign_name, campaign_type, start_date, end_date, target_segment, budget, impressions, clicks, conversions, product_promoted, _batch_id)
values ('K9001', 'Broken funnel', 'Email', '2024-01-01', '2024-01-31', 'Mass', 1000, 100, 500, 10, 'P01', 2);

insert into bronze.loan_payments (payment_id, account_id, customer_id, scheduled_date, actual_date, scheduled_amount, actual_amount, is_late, days_late,
       late_fee, payment_method, outstanding_balance, _batch_id)
select 'Y' || lpad(row_number() over (order by a.account_id, m)::text, 9, '0'), a.account_id, a.customer_id,
       (date '2023-02-01' + m * interval '1 month')::date, (date '2023-02-01' + m * interval '1 month')::date + case when m % 7 = 0 then 10 else 0 end,
       250, 250, m % 7 = 0, case when m % 7 = 0 then 10 else 0 end, case when m % 7 = 0 then 25 else 0 end,
       (array['Autopay','Online','Branch','Check'])[1 + m % 4], 10000 - m * 250, 1
from bronze.accounts a cross join generate_series(0, 22) m
where a.product_id in ('P03','P04','P05','P08','P09') and a._batch_id = 1;

insert into bronze.customer_changes (change_id, customer_id, change_date, attribute, old_value, new_value, _batch_id)
select 'H' || lpad(i::text, 7, '0'), 'C' || lpad((1 + i * 3 % 200)::text, 7, '0'), date '2023-01-01' + i * 7,
       (array['city','annual_income','customer_segment','loyalty_tier'])[1 + i % 4], null,
       case i % 4 when 0 then 'Chicago' when 1 then (40000 + i * 100)::text when 2 then 'Affluent' else 'Platinum' end, 1
from generate_series(1, 100) i;

insert into bronze.campaign_contacts (contact_id, campaign_id, customer_id, assignment, contact_date, opened, clicked, converted, _batch_id)
select 'X' || lpad(i::text, 7, '0'), 'K' || lpad((1 + i % 20)::text, 4, '0'), 'C' || lpad((1 + i % 200)::text, 7, '0'),
       case when i % 5 = 0 then 'Control' else 'Treatment' end, date '2023-01-01' + (1 + i % 20) * 30,
       i % 5 <> 0 and i % 2 = 0, i % 5 <> 0 and i % 4 = 0, i % 8 = 0 and i % 5 <> 0, 1
from generate_series(1, 2000) i;
