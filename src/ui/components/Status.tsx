import { useI18n } from '../i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="status" role="status">
      {t('loading')}
    </p>
  );
}

/** The archive could not be loaded: a heading, what to do, and the technical detail. */
export function LoadError({ message, headingLevel }: { message: string; headingLevel: 1 | 2 }) {
  const { t } = useI18n();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div class="status status-error" role="alert" data-zzl="error">
      <Heading class="status-title">{t('loadErrorTitle')}</Heading>
      <p>{t('loadErrorBody')}</p>
      <p class="status-detail">
        <code>{t('errorDetail', message)}</code>
      </p>
    </div>
  );
}
