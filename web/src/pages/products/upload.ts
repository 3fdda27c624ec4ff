import type { Bilingual, ErrorCode, FieldError } from '../../../../src/platform/schema.ts';
import { ApiProblem } from '../../app/api.ts';
import { csrfToken } from '../../app/session.ts';

/**
 * A multipart upload that reports its progress (fetch cannot report an upload's progress; XMLHttpRequest can).
 * Failures become the same ApiProblem as `api()` and `upload()` give, so field errors land next to the field.
 */
export function uploadWithProgress<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiProblem(0, 'network', undefined));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const p = (body ?? {}) as { code?: ErrorCode; message?: Bilingual; errors?: FieldError[] };
      reject(new ApiProblem(xhr.status, p.code ?? `http_${xhr.status}`, p.message, p.errors ?? []));
    };
    xhr.send(form);
  });
}
