/** Sign-in second factor for all staff, the agency's security and notification options, key rotation. Thai only. */
import type { PageContext } from '../../../ui/context.js';
import { Button, CsrfField, DataTable, errorFor, RadioGroup, TextField } from '../../../ui/components.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatThaiDateTime } from '../../../shared/thai.js';
import type { ComplaintOptions } from '../staff-two-factor.js';
import type { KeyVersion } from '../rotation.js';
import { Page } from './StaffPages.js';

/** At sign-in: enrol (no factor yet) or type the code (factor enrolled, this session not yet checked). */
export function SignInFactorPage({ ctx, next, enrol, errors }: { ctx: PageContext; next: string; enrol?: { secret: string; uri: string }; errors?: FieldError[] }) {
  return (
    <Page ctx={ctx} title={enrol ? 'ตั้งค่าการยืนยันตัวตนสองขั้นตอน' : 'ยืนยันตัวตนขั้นที่สอง'} errors={errors}>
      {enrol ? (
        <>
          <p>หน่วยงานกำหนดให้เจ้าหน้าที่ทุกคนเข้าระบบด้วยการยืนยันตัวตนสองขั้นตอน กรุณาเพิ่มบัญชีในแอป Authenticator (เช่น Google Authenticator, Microsoft Authenticator, FreeOTP) ด้วยรหัสลับนี้ แล้วกรอกรหัส 6 หลักจากแอป</p>
          <p class="mono break" data-verbatim id="totp-secret">{enrol.secret}</p>
          <p class="hint break">หรือใช้ลิงก์ otpauth: {enrol.uri}</p>
        </>
      ) : (
        <p>หน่วยงานกำหนดให้เจ้าหน้าที่ทุกคนยืนยันตัวตนขั้นที่สองเมื่อเข้าระบบ กรอกรหัส 6 หลักจากแอป Authenticator หรือรหัสกู้คืน</p>
      )}
      <form method="post" action="/admin/two-factor" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={next} />
        <TextField name="code" label={enrol ? 'รหัส 6 หลักจากแอป' : 'รหัส 6 หลักจากแอป หรือรหัสกู้คืน'} autocomplete="one-time-code" width="short" error={errorFor(errors, 'code')} />
        <Button>ยืนยัน</Button>
      </form>
      <form method="post" action="/logout">
        <CsrfField token={ctx.csrfToken} />
        <Button variant="secondary">ออกจากระบบ</Button>
      </form>
    </Page>
  );
}

export function SignInRecoveryCodesPage({ ctx, codes, next }: { ctx: PageContext; codes: string[]; next: string }) {
  return (
    <Page ctx={ctx} title="รหัสกู้คืน">
      <p class="notice notice-warn">เก็บรหัสกู้คืนเหล่านี้ไว้ในที่ปลอดภัย แต่ละรหัสใช้แทนรหัสจากแอปได้ครั้งเดียว หน้านี้แสดงเพียงครั้งเดียว</p>
      <ul class="mono" data-verbatim id="recovery-codes">{codes.map((c) => (<li>{c}</li>))}</ul>
      <p><a href={next}>ทำงานต่อ</a></p>
    </Page>
  );
}

const yesNo = [
  { value: 'yes', label: 'ใช่' },
  { value: 'no', label: 'ไม่ใช่' },
];

/** Administrator: require the second factor of every staff member at sign-in. */
export function StaffSecurityPage({ ctx, required }: { ctx: PageContext; required: boolean }) {
  return (
    <Page ctx={ctx} title="ความปลอดภัยในการเข้าระบบ">
      <p>เมื่อเปิดใช้ เจ้าหน้าที่ทุกบทบาทต้องยืนยันตัวตนขั้นที่สอง (รหัสจากแอป Authenticator) ทุกครั้งที่เข้าระบบ ผู้ที่ยังไม่ได้ตั้งค่าจะถูกพาไปตั้งค่าก่อนใช้งานหน้าอื่น ผู้รับผิดชอบเรื่องร้องเรียนการทุจริตต้องใช้การยืนยันตัวตนสองขั้นตอนอยู่แล้วเสมอ</p>
      <form method="post" action="/admin/security" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup name="requireStaff2fa" legend="บังคับการยืนยันตัวตนสองขั้นตอนสำหรับเจ้าหน้าที่ทุกคน" options={yesNo} value={required ? 'yes' : 'no'} inline />
        <Button>บันทึก</Button>
      </form>
    </Page>
  );
}

/** Administrator: optional "something is waiting" notifications to handlers. */
export function NotificationOptionsPage({ ctx, o, mailAvailable, lineAvailable, errors }: { ctx: PageContext; o: ComplaintOptions; mailAvailable: boolean; lineAvailable: boolean; errors?: FieldError[] }) {
  return (
    <Page ctx={ctx} title="การแจ้งเตือนผู้รับผิดชอบเรื่องร้องเรียน" errors={errors}>
      <p>ข้อความแจ้งเตือนบอกเพียงว่า "มีเรื่องรอดำเนินการ" ไม่มีเนื้อหา ประเภท หรือข้อมูลผู้แจ้งใด ๆ ผู้รับผิดชอบต้องเข้าระบบเพื่อดูเรื่อง</p>
      <form method="post" action="/admin/complaints/notifications" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup name="notifyEmail" legend="ส่งอีเมลถึงผู้รับผิดชอบ (ที่อยู่อีเมลในบัญชีผู้ใช้)" hint={mailAvailable ? undefined : 'ระบบนี้ยังไม่ได้ตั้งค่าเซิร์ฟเวอร์อีเมล (SMTP_URL) จึงยังไม่ส่งอีเมล'} options={yesNo} value={o.notifyEmail ? 'yes' : 'no'} inline />
        <TextField name="notifyLineTo" label="LINE user id หรือ group id ของผู้รับผิดชอบ (ไม่บังคับ)" hint={lineAvailable ? 'ส่งผ่าน LINE Official Account ของระบบ เว้นว่างถ้าไม่ต้องการ' : 'ระบบนี้ยังไม่ได้ตั้งค่า LINE Messaging API จึงยังไม่ส่งทาง LINE'} value={o.notifyLineTo} error={errorFor(errors, 'notifyLineTo')} />
        <Button>บันทึก</Button>
      </form>
    </Page>
  );
}

/** Custodian: the key versions (public halves), and the form that rotates to a new pair. */
export function RotationPage({ ctx, versions, errors, done }: { ctx: PageContext; versions: KeyVersion[]; errors?: FieldError[]; done?: { version: number; resealed: number } }) {
  const digits = ctx.agency?.digits ?? 'thai';
  return (
    <Page ctx={ctx} title="เปลี่ยนกุญแจเรื่องร้องเรียน" errors={errors}>
      {done && (
        <p class="notice" id="rotation-done">
          สร้างกุญแจรุ่นที่ {done.version} แล้ว เรื่องเดิม {done.resealed} เรื่องเปิดด้วยกุญแจใหม่ได้ ผู้รับผิดชอบคนอื่นต้องได้รับสิทธิ์ใหม่ (เมนูผู้รับผิดชอบ)
        </p>
      )}
      <p>
        ใช้เมื่อผู้รับผิดชอบที่เคยถือกุญแจพ้นหน้าที่ หรือสงสัยว่ากุญแจรั่วไหล ระบบจะสร้างคู่กุญแจใหม่ เข้ารหัสกุญแจของแต่ละเรื่องเดิม ตัวตนผู้แจ้ง และบันทึกภายในใหม่ให้เปิดด้วยกุญแจใหม่
        แล้วลบสิทธิ์กุญแจรุ่นเดิมของทุกคน ใบตอบรับที่ออกไปแล้วยังตรวจสอบได้ด้วยกุญแจสาธารณะรุ่นเดิมซึ่งยังเผยแพร่อยู่
      </p>
      <DataTable caption="กุญแจสาธารณะสำหรับตรวจสอบใบตอบรับ" head={['รุ่น', 'ใช้ตั้งแต่', 'สถานะ', 'กุญแจสาธารณะ (Ed25519)']}>
        {versions.map((v) => (
          <tr>
            <td>{v.version}</td>
            <td>{formatThaiDateTime(v.createdAt, digits)}</td>
            <td>{v.active ? 'ใช้อยู่' : 'เลิกใช้'}</td>
            <td class="mono break" data-verbatim>{v.publicKey}</td>
          </tr>
        ))}
      </DataTable>
      <form method="post" action="/admin/complaints/keys/rotate" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="code" label="รหัส 6 หลักจากแอป หรือรหัสกู้คืน" autocomplete="one-time-code" width="short" error={errorFor(errors, 'code')} />
        <TextField name="passphrase" type="password" label="รหัสผ่านสำหรับกุญแจของท่าน" hint="กุญแจใหม่จะเก็บแบบเข้ารหัสด้วยรหัสผ่านเดียวกันนี้" autocomplete="current-password" error={errorFor(errors, 'passphrase')} />
        <Button variant="warning">สร้างกุญแจใหม่และเปลี่ยนกุญแจ</Button>
      </form>
    </Page>
  );
}
