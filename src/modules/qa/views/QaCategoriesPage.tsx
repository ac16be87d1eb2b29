/**
 * Staff manage the agency's Q&A categories: the list with the add form, and one page per
 * category to rename it, retire it or bring it back (one name field a page, so field ids and
 * the error summary's links stay unique).
 */
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Tag, TextField, errorFor } from '../../../ui/components.js';
import type { FieldError } from '../../../shared/errors.js';
import type { QaCategory } from '../domain/qa.js';

const BASE = '/admin/qa/categories';

export function QaCategoriesPage(props: { ctx: PageContext; categories: QaCategory[]; values?: Record<string, string>; errors?: FieldError[] }) {
  const { ctx, categories, values = {}, errors } = props;
  return (
    <Layout ctx={ctx} title="หมวดคำถาม (ถาม-ตอบ)" errors={errors}>
      <p>
        <a href="/admin/qa">กลับไปรายการคำถาม</a>
      </p>
      <h1>หมวดคำถาม</h1>
      <p class="lead">ผู้ถามเลือกได้เฉพาะหมวดที่ใช้งานอยู่ การเปลี่ยนชื่อมีผลกับคำถามเดิมทุกข้อ หมวดที่เลิกใช้ยังแสดงกับคำถามเดิมและยังใช้ค้นหาได้</p>
      <DataTable caption="หมวดของหน่วยงาน" head={['หมวด', 'สถานะ']}>
        {categories.map((c) => (
          <tr>
            <td>
              <a href={`${BASE}/${c.key}`}>{c.nameTh}</a>
            </td>
            <td>{c.retired ? <Tag tone="warn">เลิกใช้แล้ว</Tag> : 'ใช้งานอยู่'}</td>
          </tr>
        ))}
      </DataTable>
      <form method="post" action={BASE} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>เพิ่มหมวด</h2>
        <TextField name="nameTh" label="ชื่อหมวด" value={values.nameTh} error={errorFor(errors, 'nameTh')} />
        <Button>เพิ่มหมวด</Button>
      </form>
    </Layout>
  );
}

export function QaCategoryPage(props: { ctx: PageContext; category: QaCategory; lastInUse: boolean; values?: Record<string, string>; errors?: FieldError[] }) {
  const { ctx, category: c, values = {}, errors } = props;
  return (
    <Layout ctx={ctx} title={`หมวด ${c.nameTh}`} errors={errors}>
      <p>
        <a href={BASE}>กลับไปรายการหมวด</a>
      </p>
      <h1>หมวด {c.nameTh}</h1>
      <p>สถานะ: {c.retired ? <Tag tone="warn">เลิกใช้แล้ว</Tag> : 'ใช้งานอยู่'}</p>
      <form method="post" action={`${BASE}/${c.key}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>เปลี่ยนชื่อ</h2>
        <TextField name="nameTh" label="ชื่อหมวด" value={values.nameTh ?? c.nameTh} error={errorFor(errors, 'nameTh')} />
        <Button>บันทึกชื่อ</Button>
      </form>
      <h2>{c.retired ? 'นำกลับมาใช้' : 'เลิกใช้'}</h2>
      {c.retired ? (
        <form method="post" action={`${BASE}/${c.key}/restore`}>
          <CsrfField token={ctx.csrfToken} />
          <p>ผู้ถามจะเลือกหมวดนี้ได้อีกครั้ง</p>
          <Button variant="secondary">นำหมวดนี้กลับมาใช้</Button>
        </form>
      ) : props.lastInUse ? (
        <p>หมวดนี้เป็นหมวดเดียวที่ใช้งานอยู่ จึงเลิกใช้ไม่ได้ ผู้ถามต้องมีหมวดให้เลือกอย่างน้อย 1 หมวด</p>
      ) : (
        <form method="post" action={`${BASE}/${c.key}/retire`}>
          <CsrfField token={ctx.csrfToken} />
          <p>ผู้ถามจะเลือกหมวดนี้ไม่ได้อีก คำถามเดิมยังอยู่ในหมวดนี้</p>
          <Button variant="warning">เลิกใช้หมวดนี้</Button>
        </form>
      )}
    </Layout>
  );
}
